// Chooses a runner by the app's interface, once, when the handler is created.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { LambdaOptionsError, MESSAGES } from '../errors.js';
import { asyncRunner } from './async.js';
import { syncRunner } from './sync.js';
import type { Runner } from './types.js';

/** Which interface an app speaks; 'auto' detects it: an async function, else its arity. */
export type AppInterface = 'auto' | 'sync' | 'async';

const RUNNERS = {
  sync: (app) => syncRunner(app as SyncApp),
  async: (app) => asyncRunner(app as AsyncApp),
} satisfies Record<'sync' | 'async', (app: SyncApp | AsyncApp) => Runner>;

/**
 * Resolves 'auto' to the app's interface. An `async function` is always async (sync §3.1: a sync app
 * returns its body synchronously), whatever it declares; otherwise two declared parameters mean sync.
 *
 * @example
 * resolveInterface((environ, startResponse) => [], 'auto');   // 'sync'
 * resolveInterface(async function (scope, receive) {}, 'auto'); // 'async'
 */
export function resolveInterface(app: SyncApp | AsyncApp, choice: AppInterface): 'sync' | 'async' {
  if (choice === 'sync' || choice === 'async') return choice;
  if (choice !== 'auto') throw new LambdaOptionsError('interface', MESSAGES.badInterface(String(choice)));
  if (Object.prototype.toString.call(app) === '[object AsyncFunction]') return 'async';
  return app.length === 2 ? 'sync' : 'async';
}

/** The runner for `app` speaking `kind`. */
export function createRunner(app: SyncApp | AsyncApp, kind: 'sync' | 'async'): Runner {
  return RUNNERS[kind](app);
}
