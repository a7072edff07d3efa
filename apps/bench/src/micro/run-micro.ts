// The parent side of the micro-benchmarks: one worker process per contender (pinned to core 1),
// every group warmed up and calibrated, then samples taken round-robin across contenders (rotated each
// sample) so drift on a shared machine hits all alike.
import { failureLine } from '../failure.js';
import { roundOrder } from '../http/run.js';
import { distFile } from '../paths.js';
import type { BarKind } from '../report/svg-bar-chart.js';
import { NOT_SELECTED, type RunContext } from '../suite.js';
import { startIpcWorker, type IpcWorker } from './ipc-worker.js';
import type { ParentMessage, WorkerMessage } from './protocol.js';

/** A micro-benchmark contender, as the parent sees it. */
export interface MicroContender {
  id: string;
  label: string;
  kind: BarKind;
  /** Null when it can run, else why not. */
  unavailable(): Promise<string | null>;
}

/** One contender's samples. */
export interface MicroContenderResult {
  id: string;
  label: string;
  kind: BarKind;
  unavailable: string | null;
  failure: string | null;
  /** ops/s of each sample, by group. */
  samples: Record<string, number[]>;
}

/** How long to measure. */
export interface MicroProfile {
  samples: number;
  sampleMs: number;
  warmupMs: number;
}

type Worker = IpcWorker<ParentMessage, WorkerMessage>;

/** Runs `suite`'s contenders in workers (micro/worker.ts) and collects their samples. */
export async function runMicro(
  ctx: RunContext,
  suite: string,
  contenders: readonly MicroContender[],
  profile: MicroProfile,
): Promise<MicroContenderResult[]> {
  const results: MicroContenderResult[] = [];
  const workers = new Map<string, { worker: Worker; groups: string[] }>();
  try {
    for (const contender of contenders) {
      const unavailable = ctx.selected(contender.id) ? await contender.unavailable() : NOT_SELECTED;
      const result: MicroContenderResult = { id: contender.id, label: contender.label, kind: contender.kind, unavailable, failure: null, samples: {} };
      results.push(result);
      if (unavailable) {
        ctx.log(`  ${contender.id}: ${unavailable}`);
        continue;
      }
      const worker = startIpcWorker<ParentMessage, WorkerMessage>(ctx.tools, distFile('micro/worker'), [suite, contender.id]);
      try {
        const ready = await worker.first();
        if (ready.type !== 'ready' || ready.problem != null) throw new Error(ready.type === 'ready' ? (ready.problem ?? '') : 'worker did not start');
        workers.set(contender.id, { worker, groups: ready.groups });
        for (const group of ready.groups) await worker.request({ type: 'warmup', group, ms: profile.warmupMs, sampleMs: profile.sampleMs });
      } catch (error) {
        result.failure = failureLine(error);
        ctx.log(`  ${contender.id}: ${result.failure}`);
        workers.delete(contender.id);
        await worker.stop();
      }
    }
    const live = results.filter((r) => workers.has(r.id));
    for (let sample = 0; sample < profile.samples; sample++) {
      for (const result of roundOrder(live, sample)) {
        const { worker, groups } = workers.get(result.id) as { worker: Worker; groups: string[] };
        for (const group of groups) {
          const reply = await worker.request({ type: 'sample', group, ms: profile.sampleMs });
          if (reply.type === 'sample') (result.samples[group] ??= []).push(reply.opsPerSecond);
        }
      }
    }
    for (const { worker } of workers.values()) await worker.request({ type: 'exit' });
  } finally {
    for (const { worker } of workers.values()) await worker.stop();
  }
  return results;
}
