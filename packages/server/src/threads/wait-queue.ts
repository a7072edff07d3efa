// Who gets the next free thread. First come, first served would keep a cheap request (a health check)
// behind every slow one already waiting. So each route's cost is learned, and the waiting request with
// the strongest claim goes next: (time waited + expected cost) ÷ expected cost², its response ratio
// divided once more by its cost. Every claim grows while it waits, but a cheap request's grows faster:
// a 0.5 ms health check that has waited 1 ms outranks a 5 ms request that has waited 50 ms, where the
// plain response ratio would have kept it waiting for about as long as the slow requests' own slowdown.
// A request that has waited past OVERDUE_MS goes first, oldest first, so a flood of cheap requests
// delays a slow one by at most that long.

/** Routes remembered; past this, new routes are expected to cost the average. */
const ROUTES_KEPT = 1024;
/** Weight of the newest duration in a route's running (geometric) average. */
const SMOOTHING = 0.2;
/** No route is expected to cost less than this (ms), so claims stay finite. */
const FLOOR_MS = 0.01;
/** Past this wait (ms) a request goes before any that has waited less. */
export const OVERDUE_MS = 1000;

interface Waiter<T> {
  route: string;
  since: number;
  value: T;
}

/**
 * Requests waiting for a thread, cheapest claim first (see above).
 *
 * @example
 * const queue = new WaitQueue<string>();
 * queue.learn('GET /cpu', 5); queue.learn('GET /health', 0.05);
 * queue.push('GET /cpu', 'a', 0); queue.push('GET /health', 'b', 40);
 * queue.take(41); // 'b': its claim (1 + 0.05) ÷ 0.05² is far above (41 + 5) ÷ 5²
 */
export class WaitQueue<T> {
  /** log(ms) per route: a geometric average, so one slow outlier (the OS preempted the thread) moves it less. */
  private readonly logCosts = new Map<string, number>();
  private waiters: Array<Waiter<T>> = [];
  private logTotal = 0;

  push(route: string, value: T, now: number): void {
    this.waiters.push({ route, since: now, value });
  }

  /**
   * The next waiter to run, or undefined. With `maxCost`, only among routes already seen to cost at
   * most that many ms.
   */
  take(now: number, maxCost = Infinity): T | undefined {
    if (this.waiters.length <= 1 && maxCost === Infinity) return this.waiters.shift()?.value;
    let best = -1;
    let bestClaim = -1;
    for (let i = 0; i < this.waiters.length; i++) {
      const waiter = this.waiters[i] as Waiter<T>;
      const cost = this.expected(waiter.route);
      if (maxCost !== Infinity && !((this.known(waiter.route) ?? Infinity) <= maxCost)) continue;
      // Waiters are in arrival order, so the first one eligible is the oldest: overdue, it goes at once.
      if (best === -1 && now - waiter.since > OVERDUE_MS) {
        best = i;
        break;
      }
      const claim = (now - waiter.since + cost) / (cost * cost);
      // Ties go to the earlier arrival.
      if (claim > bestClaim) {
        best = i;
        bestClaim = claim;
      }
    }
    return best === -1 ? undefined : this.waiters.splice(best, 1)[0]?.value;
  }

  /** Records how long a request of `route` kept its thread. */
  learn(route: string, ms: number): void {
    const sample = Math.log(Math.max(FLOOR_MS, ms));
    const previous = this.logCosts.get(route);
    if (previous !== undefined) {
      const next = previous + SMOOTHING * (sample - previous);
      this.logTotal += next - previous;
      this.logCosts.set(route, next);
    } else if (this.logCosts.size < ROUTES_KEPT) {
      this.logCosts.set(route, sample);
      this.logTotal += sample;
    }
  }

  /** What requests of `route` have cost (ms), or undefined for a route not seen yet. */
  known(route: string): number | undefined {
    const log = this.logCosts.get(route);
    return log === undefined ? undefined : Math.max(FLOOR_MS, Math.exp(log));
  }

  /** What a request of `route` is expected to cost (ms): its average, else the average over routes. */
  expected(route: string): number {
    const known = this.logCosts.get(route) ?? (this.logCosts.size > 0 ? this.logTotal / this.logCosts.size : 0);
    return Math.max(FLOOR_MS, Math.exp(known));
  }
}
