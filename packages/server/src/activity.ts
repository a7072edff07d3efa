// Counts requests and WebSockets in progress: for --limit-concurrency and graceful shutdown.

/**
 * An in-flight counter that can say when it reaches zero.
 *
 * @example
 * const activity = new Activity();
 * activity.enter(); res.once('close', () => activity.leave());
 * await activity.idle(); // after the last leave()
 */
export class Activity {
  count = 0;
  private waiters: Array<() => void> = [];

  enter(): void {
    this.count++;
  }

  leave(): void {
    this.count = Math.max(0, this.count - 1);
    // Most exchanges end with nobody waiting: no array copy for them.
    if (this.count === 0 && this.waiters.length > 0) for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves once nothing is in progress. */
  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
