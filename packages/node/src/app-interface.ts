// Which interface an app speaks, when the caller does not say.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';

/**
 * 'async' for an async function or a function of arity 3; 'sync' for a plain function of arity 2.
 *
 * @example
 * guessInterface((environ, startResponse) => []); // 'sync'
 * guessInterface(async (scope, receive, send) => {}); // 'async'
 */
export function guessInterface(app: SyncApp | AsyncApp): 'sync' | 'async' {
  const isAsyncFunction = Object.prototype.toString.call(app) === '[object AsyncFunction]';
  return !isAsyncFunction && app.length === 2 ? 'sync' : 'async';
}
