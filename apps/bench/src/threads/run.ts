// Sync threads: /cpu throughput with the sync app on the event loop (no --threads) and on 1 and 2
// worker threads, and /health's p99 while /cpu keeps every thread busy (probed 50 times a second,
// not flooded). The server is not pinned here: scaling to two threads needs both cores.
import { failureDetail, failureLine } from '../failure.js';
import { freePort } from '../env/free-port.js';
import { startServer } from '../env/server-process.js';
import { cliFlagPending, tsgiServe } from '../env/tsgi-cli.js';
import { roundOrder } from '../http/run.js';
import { runWrk } from '../http/wrk.js';
import { distFile } from '../paths.js';
import { percentile, probe } from './health-probe.js';
import { NOT_SELECTED, type RunContext } from '../suite.js';

/** One thread setting's results. */
export interface ThreadsContenderResult {
  id: string;
  label: string;
  /** The --threads value, or null for none. */
  threads: number | null;
  unavailable: string | null;
  failure: string | null;
  /** /cpu req/s per round. */
  cpuRps: number[];
  /** /health p99 in µs per round, measured while /cpu is saturated. */
  healthP99Us: number[];
}

/** The threads suite's results. */
export interface ThreadsResults {
  rounds: number;
  warmupS: number;
  durationS: number;
  connections: number;
  contenders: ThreadsContenderResult[];
}

// One /health probe every 20 ms: 50 a second, far more often than any load balancer checks.
const HEALTH_INTERVAL_MS = 20;

const SETTINGS: ReadonlyArray<{ id: string; label: string; threads: number | null }> = [
  { id: 'event-loop', label: 'sync app on the event loop (no --threads)', threads: null },
  { id: 'threads-1', label: '--threads 1', threads: 1 },
  { id: 'threads-2', label: '--threads 2', threads: 2 },
];

async function measureOnce(ctx: RunContext, result: ThreadsContenderResult): Promise<void> {
  const { threads } = ctx.profile;
  const port = await freePort();
  const flags = ['--interface', 'sync', ...(result.threads == null ? [] : ['--threads', String(result.threads)])];
  const server = await startServer({ command: tsgiServe(distFile('threads/cpu-app'), port, flags), port, readyPath: '/health' });
  try {
    if (threads.warmupS > 0) await runWrk(ctx.tools, { port, path: '/cpu', durationS: threads.warmupS, connections: threads.connections, pin: false });
    // Throughput alone first, so the scaling figure measures the threads and nothing else.
    const cpu = await runWrk(ctx.tools, { port, path: '/cpu', durationS: threads.durationS, connections: threads.connections, pin: false });
    // Then /health's latency while /cpu keeps every thread busy, probed at a health checker's pace.
    const [, health] = await Promise.all([
      runWrk(ctx.tools, { port, path: '/cpu', durationS: threads.durationS, connections: threads.connections, pin: false }),
      probe(port, '/health', { durationS: threads.durationS, intervalMs: HEALTH_INTERVAL_MS }),
    ]);
    if (health.latenciesUs.length === 0) throw new Error(`/health never answered under load (${health.failures} failed)`);
    const p99 = percentile(health.latenciesUs, 99);
    result.cpuRps.push(cpu.rps);
    result.healthP99Us.push(p99);
    ctx.log(`  ${result.id}: /cpu ${cpu.rps.toFixed(1)} req/s, /health p99 ${p99} µs over ${health.latenciesUs.length} probes`);
  } finally {
    await server.stop();
  }
}

/** Runs the threads suite. */
export async function runThreads(ctx: RunContext): Promise<ThreadsResults> {
  const { threads } = ctx.profile;
  const pending = ctx.tools.wrk ? await cliFlagPending('--threads') : 'not installed: wrk';
  // Without --threads there is nothing to compare the event-loop setting with, so it waits too.
  const results: ThreadsContenderResult[] = SETTINGS.map((s) => ({
    ...s,
    unavailable: ctx.selected(s.id) ? pending : NOT_SELECTED,
    failure: null,
    cpuRps: [],
    healthP99Us: [],
  }));
  for (let round = 0; round < threads.rounds; round++) {
    for (const result of roundOrder(results, round)) {
      if (result.unavailable || result.failure) continue;
      try {
        await measureOnce(ctx, result);
      } catch (error) {
        result.failure = failureLine(error);
        ctx.log(`  ${result.id} failed: ${failureDetail(error)}`);
      }
    }
  }
  return { rounds: threads.rounds, warmupS: threads.warmupS, durationS: threads.durationS, connections: threads.connections, contenders: results };
}
