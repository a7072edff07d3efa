// The process model's promises under load: SIGHUP replaces every worker without failing a request, and
// SIGTERM lets every request in flight finish before the server exits.
import { setTimeout as delay } from 'node:timers/promises';
import { failureLine } from '../failure.js';
import { freePort } from '../env/free-port.js';
import { processTree } from '../env/proc.js';
import { startServer } from '../env/server-process.js';
import { cliFlagPending, tsgiServe } from '../env/tsgi-cli.js';
import { runWrk } from '../http/wrk.js';
import { distFile } from '../paths.js';
import type { RunContext } from '../suite.js';
import { SLOW_BODY } from './app.js';
import { completed, sendInFlight } from './in-flight.js';

/** SIGHUP under load. */
export interface ReloadResult {
  workers: number;
  requests: number;
  /** Socket errors, timeouts and error statuses wrk saw. */
  failures: number;
  /** Whether every worker process was replaced. */
  replaced: boolean;
}

/** SIGTERM with requests in flight. */
export interface DrainResult {
  inFlight: number;
  completed: number;
  /** The first failure seen, if any. */
  firstFailure: string | null;
  exitCode: number | null;
}

/** The process-model suite's results: each part, or why it was not measured. */
export interface ProcessModelResults {
  reload: ReloadResult | { unavailable: string };
  drain: DrainResult | { unavailable: string };
}

const APP = () => distFile('process-model/app');
const WORKERS = 2;

function workerPids(supervisor: number): number[] {
  return processTree(supervisor).slice(1);
}

async function measureReload(ctx: RunContext): Promise<ReloadResult> {
  const port = await freePort();
  const server = await startServer({ command: tsgiServe(APP(), port, ['--interface', 'async', '--workers', String(WORKERS)]), port });
  try {
    const before = workerPids(server.pid);
    const durationS = ctx.profile.processModel.reloadLoadS;
    const load = runWrk(ctx.tools, { port, path: '/plaintext', durationS, connections: 32 });
    await delay((durationS * 1000) / 3);
    server.signal('SIGHUP');
    const result = await load;
    // The reload may finish after the load: wait (bounded) for every old worker to be gone.
    const deadline = Date.now() + 15_000;
    let after = workerPids(server.pid);
    while (Date.now() < deadline && (after.some((pid) => before.includes(pid)) || after.length < before.length)) {
      await delay(100);
      after = workerPids(server.pid);
    }
    return { workers: WORKERS, requests: result.requests, failures: result.errors, replaced: before.length > 0 && !after.some((pid) => before.includes(pid)) };
  } finally {
    await server.stop();
  }
}

async function measureDrain(ctx: RunContext): Promise<DrainResult> {
  const port = await freePort();
  const count = ctx.profile.processModel.inFlight;
  const server = await startServer({ command: tsgiServe(APP(), port, ['--interface', 'async']), port });
  try {
    const requests = Array.from({ length: count }, () => sendInFlight(port, '/slow'));
    await Promise.all(requests.map((r) => r.started));
    server.signal('SIGTERM');
    const outcomes = await Promise.all(requests.map((r) => r.finished));
    const exitCode = await server.exited;
    const failed = outcomes.find((o) => !completed(o, SLOW_BODY));
    return {
      inFlight: count,
      completed: outcomes.filter((o) => completed(o, SLOW_BODY)).length,
      firstFailure: failed ? (failed.error ?? `status ${failed.status}, body ${JSON.stringify(failed.body)}`) : null,
      exitCode,
    };
  } finally {
    await server.stop();
  }
}

async function attempt<T>(ctx: RunContext, name: string, pending: string | null, measure: () => Promise<T>): Promise<T | { unavailable: string }> {
  if (pending) return { unavailable: pending };
  try {
    const result = await measure();
    ctx.log(`  ${name}: ${JSON.stringify(result)}`);
    return result;
  } catch (error) {
    return { unavailable: `failed: ${failureLine(error)}` };
  }
}

/** Runs the process-model suite. */
export async function runProcessModel(ctx: RunContext): Promise<ProcessModelResults> {
  const server = await cliFlagPending('--host');
  const reloadPending = server ?? (ctx.tools.wrk ? await cliFlagPending('--workers') : 'not installed: wrk');
  return {
    reload: await attempt(ctx, 'SIGHUP reload', reloadPending, () => measureReload(ctx)),
    drain: await attempt(ctx, 'SIGTERM drain', server, () => measureDrain(ctx)),
  };
}
