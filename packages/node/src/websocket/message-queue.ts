// Client messages between `ws` (push) and the app (pull), pausing the socket when the app lags.

/**
 * An async iterable fed by events. Above `highWater` queued messages it calls `pause`, and
 * `resume` once the app caught up, so a slow app never buffers a fast client's flood.
 *
 * @example
 * const queue = new MessageQueue<string>(16, () => ws.pause(), () => ws.resume());
 * ws.on('message', (data) => queue.push(String(data)));
 * for await (const message of queue) handle(message);
 */
export class MessageQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private ended = false;
  private paused = false;

  /** The executor of a read that waits, made once rather than per message. */
  private readonly wait = (resolve: (result: IteratorResult<T>) => void): void => {
    this.waiting = resolve;
  };

  constructor(
    private readonly highWater: number,
    private readonly pause: () => void,
    private readonly resume: () => void,
  ) {}

  push(item: T): void {
    if (this.ended) return;
    if (this.waiting) {
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting({ done: false, value: item });
      return;
    }
    this.items.push(item);
    if (!this.paused && this.items.length >= this.highWater) {
      this.paused = true;
      this.pause();
    }
  }

  /** No more messages: a pending and every later `next()` ends. */
  end(): void {
    this.ended = true;
    this.items.length = 0;
    this.waiting?.({ done: true, value: undefined });
    this.waiting = undefined;
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        const item = this.items.shift();
        if (item !== undefined) {
          if (this.paused && this.items.length < this.highWater / 2) {
            this.paused = false;
            this.resume();
          }
          return Promise.resolve({ done: false, value: item });
        }
        if (this.ended) return Promise.resolve({ done: true, value: undefined });
        return new Promise(this.wait);
      },
      return: () => {
        this.end();
        return Promise.resolve({ done: true, value: undefined });
      },
    };
  }
}
