// Who gets the next free thread. First come, first served would keep a cheap request (a health check)
// behind every slow one already waiting; so each route's cost is learned, and the waiting request with
// the highest response ratio goes next: (time waited + expected cost) ÷ expected cost. A cheap
// request's ratio grows fast, while a slow one's keeps growing too, so nothing waits forever.

/** Routes remembered; past this, new routes are expected to cost the average. */
const ROUTES_KEPT = 1024;
/** Weight of the newest duration in a route's running average. */
const SMOOTHING = 0.2;
/** No route is expected to cost less than this (ms), so ratios stay finite. */
const FLOOR_MS = 0.01;

interface Waiter<T> {
  route: string;
  since: number;
  value: T;
}

/**
 * Requests waiting for a thread, taken highest response ratio first.
 *
 * @example
 * const queue = new WaitQueue<string>();
 * queue.learn('GET /cpu', 5); queue.learn('GET /health', 0.05);
 * queue.push('GET /cpu', 'a', 0); queue.push('GET /health', 'b', 1);
 * queue.take(2); // 'b': waited 1 ms on a 0.05 ms route, against 2 ms on a 5 ms one
 */
export class WaitQueue<T> {
  private readonly costs = new Map<string, number>();
  private waiters: Array<Waiter<T>> = [];
  private total = 0;

  push(route: string, value: T, now: number): void {
    this.waiters.push({ route, since: now, value });
  }

  /** The next waiter to run, or undefined when none waits. */
  take(now: number): T | undefined {
    if (this.waiters.length <= 1) return this.waiters.shift()?.value;
    let best = 0;
    let bestRatio = -1;
    for (let i = 0; i < this.waiters.length; i++) {
      const waiter = this.waiters[i] as Waiter<T>;
      const cost = this.expected(waiter.route);
      const ratio = (now - waiter.since + cost) / cost;
      // Ties go to the earlier arrival.
      if (ratio > bestRatio) {
        best = i;
        bestRatio = ratio;
      }
    }
    return this.waiters.splice(best, 1)[0]?.value;
  }

  /** Records how long a request of `route` kept its thread. */
  learn(route: string, ms: number): void {
    const previous = this.costs.get(route);
    if (previous !== undefined) {
      const next = previous + SMOOTHING * (ms - previous);
      this.total += next - previous;
      this.costs.set(route, next);
    } else if (this.costs.size < ROUTES_KEPT) {
      this.costs.set(route, ms);
      this.total += ms;
    }
  }

  /** What a request of `route` is expected to cost (ms): its average, else every route's. */
  expected(route: string): number {
    const known = this.costs.get(route) ?? (this.costs.size > 0 ? this.total / this.costs.size : 1);
    return Math.max(FLOOR_MS, known);
  }
}
