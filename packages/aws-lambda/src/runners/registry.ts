// Chooses a runner by the app's interface, once, when the handler is created.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { LambdaOptionsError, MESSAGES } from '../errors.js';
import { asyncRunner } from './async.js';
import { syncRunner } from './sync.js';
import type { Runner } from './types.js';

/** Which interface an app speaks; 'auto' reads its arity: `(environ, startResponse)` is sync. */
export type AppInterface = 'auto' | 'sync' | 'async';

const RUNNERS = {
  sync: (app) => syncRunner(app as SyncApp),
  async: (app) => asyncRunner(app as AsyncApp),
} satisfies Record<'sync' | 'async', (app: SyncApp | AsyncApp) => Runner>;

/** Resolves 'auto' to the app's interface: two declared parameters mean a sync app. */
export function resolveInterface(app: SyncApp | AsyncApp, choice: AppInterface): 'sync' | 'async' {
  if (choice === 'sync' || choice === 'async') return choice;
  if (choice !== 'auto') throw new LambdaOptionsError('interface', MESSAGES.badInterface(String(choice)));
  return app.length === 2 ? 'sync' : 'async';
}

/** The runner for `app` speaking `kind`. */
export function createRunner(app: SyncApp | AsyncApp, kind: 'sync' | 'async'): Runner {
  return RUNNERS[kind](app);
}
