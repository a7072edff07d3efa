// Times every router on every lookup group. Each router lives in its own worker process; samples go
// round-robin across routers (rotated each sample) so drift on a shared machine hits all alike.
import { startIpcWorker, type IpcWorker } from '../env/ipc-worker.js';
import { distFile } from '../paths.js';
import type { BarKind } from '../report/svg-bar-chart.js';
import { NOT_SELECTED, type RunContext } from '../suite.js';
import { roundOrder } from '../http/run.js';
import type { RouterAdapter } from './adapter.js';
import type { ParentMessage, WorkerMessage } from './protocol.js';
import { LOOKUPS, ROUTES, type LookupGroup } from './routes.js';

/** One router's results. */
export interface RouterContenderResult {
  id: string;
  label: string;
  kind: BarKind;
  unavailable: string | null;
  failure: string | null;
  /** ops/s of each sample, per lookup group. */
  samples: Partial<Record<LookupGroup, number[]>>;
}

/** The router suite's results. */
export interface RouterResults {
  routes: number;
  samples: number;
  sampleMs: number;
  groups: Array<{ id: LookupGroup; lookups: number }>;
  contenders: RouterContenderResult[];
}

type Worker = IpcWorker<ParentMessage, WorkerMessage>;

/** Runs the router suite. */
export async function runRouter(ctx: RunContext, adapters: readonly RouterAdapter[]): Promise<RouterResults> {
  const { router: profile } = ctx.profile;
  const groups = Object.keys(LOOKUPS) as LookupGroup[];
  const results: RouterContenderResult[] = [];
  const workers = new Map<string, Worker>();
  try {
    for (const adapter of adapters) {
      const result: RouterContenderResult = {
        id: adapter.id,
        label: adapter.label,
        kind: adapter.kind,
        unavailable: ctx.selected(adapter.id) ? await adapter.unavailable() : NOT_SELECTED,
        failure: null,
        samples: {},
      };
      results.push(result);
      if (result.unavailable) {
        ctx.log(`  ${adapter.id}: ${result.unavailable}`);
        continue;
      }
      const worker = startIpcWorker<ParentMessage, WorkerMessage>(ctx.tools, distFile('router/worker'), [adapter.id]);
      const ready = await worker.first();
      if (ready.type === 'ready' && ready.problem) {
        result.failure = ready.problem;
        ctx.log(`  ${adapter.id}: ${ready.problem}`);
        await worker.stop();
        continue;
      }
      workers.set(adapter.id, worker);
      for (const group of groups) await worker.request({ type: 'warmup', group, ms: profile.warmupMs, sampleMs: profile.sampleMs });
    }
    const live = results.filter((r) => workers.has(r.id));
    for (let sample = 0; sample < profile.samples; sample++) {
      for (const group of groups) {
        for (const result of roundOrder(live, sample)) {
          const reply = await (workers.get(result.id) as Worker).request({ type: 'sample', group, ms: profile.sampleMs });
          if (reply.type === 'sample') (result.samples[group] ??= []).push(reply.opsPerSecond);
        }
      }
    }
    for (const worker of workers.values()) await worker.request({ type: 'exit' });
  } finally {
    for (const worker of workers.values()) await worker.stop();
  }
  return {
    routes: ROUTES.length,
    samples: profile.samples,
    sampleMs: profile.sampleMs,
    groups: groups.map((id) => ({ id, lookups: LOOKUPS[id].length })),
    contenders: results,
  };
}
