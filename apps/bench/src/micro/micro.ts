// A small micro-benchmark core: calibrate a batch size to a target duration, then time batches.
// Each batch's result goes into a sink the caller keeps, so V8 cannot drop the work as dead code.
// A batch may be async (a Lambda handler); awaiting once per batch costs nothing per operation.

/** Runs `iterations` operations and returns a value derived from their results. */
export type Batch = (iterations: number) => number | Promise<number>;

/** A clock in nanoseconds. */
export type Clock = () => bigint;

/** The process's monotonic clock. */
export const hrClock: Clock = () => process.hrtime.bigint();

/**
 * The CPU time this process has used (user + system, every thread), in nanoseconds. For work that
 * never waits on I/O or timers it measures the work alone: time the machine gives other processes —
 * the noise of a shared machine — is left out, where the wall clock counts it.
 */
export const cpuClock: Clock = () => {
  const { user, system } = process.cpuUsage();
  return BigInt(user + system) * 1000n;
};

/** One timed batch. */
export interface BatchTiming {
  iterations: number;
  nanoseconds: number;
  /** The batch's result, for the sink. */
  sink: number;
}

/** Times one batch. */
export async function timeBatch(batch: Batch, iterations: number, clock: Clock = hrClock): Promise<BatchTiming> {
  const start = clock();
  const sink = await batch(iterations);
  return { iterations, nanoseconds: Number(clock() - start), sink };
}

/**
 * Finds how many iterations take about `targetMs`: doubles from 1 until a batch takes a tenth of the
 * target, then scales linearly (a doubling search alone would overshoot by up to 2×).
 *
 * @example
 * await calibrate(batch, 100); // e.g. 1_800_000 for an operation of ~55 ns
 */
export async function calibrate(batch: Batch, targetMs: number, clock: Clock = hrClock): Promise<number> {
  const targetNs = targetMs * 1e6;
  let iterations = 1;
  for (;;) {
    const { nanoseconds } = await timeBatch(batch, iterations, clock);
    if (nanoseconds >= targetNs / 10 || iterations >= 2 ** 40) {
      return Math.max(1, Math.round((iterations * targetNs) / Math.max(nanoseconds, 1)));
    }
    iterations *= 2;
  }
}

/**
 * Operations per second of a timing.
 *
 * @example
 * opsPerSecond({ iterations: 1000, nanoseconds: 1_000_000, sink: 0 }); // 1_000_000
 */
export function opsPerSecond(timing: BatchTiming): number {
  return timing.nanoseconds === 0 ? Infinity : (timing.iterations * 1e9) / timing.nanoseconds;
}
