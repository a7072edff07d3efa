// A response body the app pushes into and the runtime pulls from. Backpressure: push() resolves only
// once the runtime has asked for more (WHATWG Streams `pull`), so a slow client slows the app down
// instead of growing a queue.

const DONE: Promise<void> = Promise.resolve();

/** A pull-based ReadableStream fed chunk by chunk. */
export class ResponseBody {
  readonly stream: ReadableStream<Uint8Array>;
  #controller!: ReadableStreamDefaultController<Uint8Array>;
  #wake: (() => void) | undefined;
  #finished = false;
  #failure: { error: unknown } | undefined;

  /** `onCancel` runs when the runtime gives up on the body: the client went away. */
  constructor(onCancel: () => void) {
    this.stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#controller = controller;
        },
        pull: () => {
          if (this.#failure !== undefined) this.#errorSoon();
          this.#resume();
        },
        cancel: () => {
          this.#finished = true;
          this.#resume();
          onCancel();
        },
      },
      // One chunk in flight: the next push waits until the runtime took it.
      { highWaterMark: 1 },
    );
  }

  /** Queues a chunk; resolves when the runtime is ready for the next one. */
  push(chunk: Uint8Array): Promise<void> {
    if (this.#finished) return DONE;
    this.#controller.enqueue(chunk);
    if ((this.#controller.desiredSize ?? 0) > 0) return DONE;
    return new Promise<void>((resolve) => (this.#wake = resolve));
  }

  /** The client is gone: stop waiting for pulls; later pushes are dropped. */
  abandon(): void {
    this.#finished = true;
    this.#resume();
  }

  /** Ends the body normally. */
  close(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#controller.close();
  }

  /**
   * Ends the body with an error, so the runtime drops the connection and the client sees a
   * truncated response. Chunks already queued go out first: erroring a stream discards its queue.
   */
  fail(error: unknown): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#failure = { error };
    if ((this.#controller.desiredSize ?? 0) > 0) this.#errorSoon();
  }

  // One macrotask later: Bun resets the connection without flushing the headers and the chunks it
  // already took when the error arrives in the same turn (the client would see no response at all).
  #errorSoon(): void {
    setTimeout(() => this.#error(), 0);
  }

  #error(): void {
    try {
      this.#controller.error(this.#failure?.error);
    } catch {
      // Already closed or cancelled by the runtime: nothing left to truncate.
    }
  }

  #resume(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}
