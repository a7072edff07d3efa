// A promise with its resolve/reject in hand; settling twice is a no-op.

/** A promise plus the functions that settle it. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
  readonly settled: boolean;
}

/** Creates a Deferred. */
export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A rejection nobody awaits is not an unhandled rejection here: the owner decides who listens.
  promise.catch(() => undefined);
  const d: Deferred<T> = {
    promise,
    settled: false,
    resolve: (value) => {
      if (d.settled) return;
      (d as { settled: boolean }).settled = true;
      resolve(value);
    },
    reject: (error) => {
      if (d.settled) return;
      (d as { settled: boolean }).settled = true;
      reject(error);
    },
  };
  return d;
}
