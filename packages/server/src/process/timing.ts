// The supervisor's clocks, derived once from the options.

/**
 * How often a worker beats: four beats per --timeout, between 50 ms and 1 s.
 *
 * @example
 * heartbeatInterval(30); // 1000
 * heartbeatInterval(2);  // 500
 */
export function heartbeatInterval(timeoutSeconds: number): number {
  return Math.min(1000, Math.max(50, Math.floor((timeoutSeconds * 1000) / 4)));
}

/** A worker must become ready within this long (an import can be slow; a hang is still caught). */
export function bootLimit(timeoutSeconds: number): number {
  return Math.max(timeoutSeconds * 1000, 60_000);
}

/**
 * The delay before replacing a worker that crashed `streak` times in a row: none for the first,
 * then 0.25 s doubling up to 10 s, so a crash loop does not spin the CPU.
 *
 * @example
 * [1, 2, 3, 4].map(crashBackoff); // [0, 250, 500, 1000]
 */
export function crashBackoff(streak: number): number {
  return streak <= 1 ? 0 : Math.min(10_000, 250 * 2 ** (streak - 2));
}

/** A worker that lived at least this long after becoming ready resets the crash streak. */
export const STABLE_MS = 10_000;

/** After its graceful timeout, a stopping worker gets this much longer (lifespan shutdown) before SIGKILL. */
export const STOP_SLACK_MS = 5_000;
