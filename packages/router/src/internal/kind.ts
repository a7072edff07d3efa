// How the router tells sync-capable code from async-only code: a function written with `async` (or
// `async function*`) is async. A plain function that returns a Promise counts as sync, and is caught
// with a clear error when it does so through the sync interface (docs/router.md: "Sync and async").

/** True for an `async` function or async generator function. */
export const isAsyncFunction = (fn: unknown): boolean => {
  const name = (fn as { constructor?: { name?: string } } | null)?.constructor?.name;
  return name === 'AsyncFunction' || name === 'AsyncGeneratorFunction';
};

/** True for a Promise or any other thenable. */
export const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';
