// A promise with its resolve function outside: the cycles wake waiters on events they do not own.

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  settled: boolean;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  const d: Deferred<T> = {
    promise,
    settled: false,
    resolve(value) {
      d.settled = true;
      resolve(value);
    },
  };
  return d;
}

/** Marks a rejection as handled, for promises a cycle may never await. */
export function quiet(promise: Promise<unknown>): void {
  promise.catch(() => undefined);
}
