// An in-memory message queue between the reference client and a transport: push on one side,
// shift or iterate on the other; ending it wakes every waiter.
import { deferred, type Deferred } from './deferred.js';

/** The error shift() rejects with once the queue ended and is empty. */
export const QUEUE_ENDED = 'the connection closed before a message arrived';

/** A FIFO of messages with async consumers. */
export class Queue<T> implements AsyncIterable<T> {
  readonly #items: T[] = [];
  readonly #waiters: Array<Deferred<T>> = [];
  #ended = false;

  get ended(): boolean {
    return this.#ended;
  }

  push(item: T): void {
    if (this.#ended) return;
    const waiter = this.#waiters.shift();
    if (waiter) waiter.resolve(item);
    else this.#items.push(item);
  }

  /** No more items: queued ones can still be taken, then shift() rejects. */
  end(): void {
    this.#ended = true;
    for (const waiter of this.#waiters.splice(0)) waiter.reject(new Error(QUEUE_ENDED));
  }

  shift(): Promise<T> {
    if (this.#items.length > 0) return Promise.resolve(this.#items.shift() as T);
    if (this.#ended) return Promise.reject(new Error(QUEUE_ENDED));
    const waiter = deferred<T>();
    this.#waiters.push(waiter);
    return waiter.promise;
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () =>
        this.shift().then(
          (value): IteratorResult<T> => ({ value, done: false }),
          (): IteratorResult<T> => ({ value: undefined, done: true }),
        ),
      return: () => {
        this.end();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
