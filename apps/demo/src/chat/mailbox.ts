// One member's queue of events waiting to be sent on its own connection.

/**
 * Events posted from anywhere, taken by one consumer in order. The consumer is the member's own
 * connection task: on Workers a WebSocket may only be written from the request that opened it.
 *
 * @example
 * const box = new Mailbox<string>();
 * box.post('hi');
 * box.close();
 * for await (const item of box) console.log(item); // 'hi'
 */
export class Mailbox<T> {
  readonly #queue: T[] = [];
  #wake: (() => void) | undefined;
  #closed = false;

  /** Queues an item; ignored once closed. */
  post(item: T): void {
    if (this.#closed) return;
    this.#queue.push(item);
    this.#wake?.();
  }

  /** Ends the stream once the queued items are taken. */
  close(): void {
    this.#closed = true;
    this.#wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void> {
    for (;;) {
      const next = this.#queue.shift();
      if (next !== undefined) yield next;
      else if (this.#closed) return;
      else await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }
}
