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

/** A one-shot signal whose promise exists only once someone waits: most exchanges never do. */
export class LazySignal {
  settled = false;
  private wake: (() => void) | undefined;
  private waited: Promise<void> | undefined;

  get promise(): Promise<void> {
    this.waited ??= this.settled
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          this.wake = resolve;
        });
    return this.waited;
  }

  resolve(): void {
    this.settled = true;
    this.wake?.();
  }
}
