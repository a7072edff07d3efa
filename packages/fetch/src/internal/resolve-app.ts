// Turns (app, options) into what the hot path needs, once (STYLE.md: resolve once, then run).
import { syncToAsync, type AsyncApp, type HTTPScope } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { FetchOptionsError } from '../errors.js';
import { OPTION_MESSAGES } from '../messages.js';
import type { AppInterface, FetchHandlerOptions } from '../types.js';

/** 10 MiB: enough for forms and JSON, small enough for a 128 MB isolate to hold a few at once. */
export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;

const INTERFACES: ReadonlySet<unknown> = new Set<AppInterface>(['sync', 'async', 'auto']);
const LIFESPANS: ReadonlySet<unknown> = new Set(['auto', 'on', 'off']);

/**
 * The app as an async app: a sync app is wrapped once by syncToAsync, which buffers the body
 * (Fetch runtimes have no blocking reads) up to `bodyLimit` and answers 413 past it.
 */
export function resolveApp(app: SyncApp | AsyncApp, options: FetchHandlerOptions): AsyncApp {
  if (typeof app !== 'function') throw new FetchOptionsError(OPTION_MESSAGES.notAFunction, { option: 'app' });
  const kind = options.interface ?? 'auto';
  if (!INTERFACES.has(kind)) throw new FetchOptionsError(OPTION_MESSAGES.badInterface(kind), { option: 'interface' });
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  if (!Number.isSafeInteger(bodyLimit) || bodyLimit < 0) {
    throw new FetchOptionsError(OPTION_MESSAGES.badBodyLimit(bodyLimit), { option: 'bodyLimit' });
  }
  if (options.lifespan !== undefined && !LIFESPANS.has(options.lifespan)) {
    throw new FetchOptionsError(OPTION_MESSAGES.badLifespan(options.lifespan), { option: 'lifespan' });
  }
  const resolved = kind === 'auto' ? detect(app) : kind;
  return resolved === 'sync' ? syncToAsync(app as SyncApp, { bodyLimit, spoolThreshold: bodyLimit, environ }) : (app as AsyncApp);
}

/** The environ key holding FetchPlatform: the scope extension's name, under the `tsgi.` prefix. */
export const PLATFORM_ENVIRON_KEY = 'tsgi.fetch.platform';

// Fetch runtimes have no blocking reads, so the body is in memory (spoolThreshold = bodyLimit).
const environ = (scope: HTTPScope) => ({
  extra: { [PLATFORM_ENVIRON_KEY]: scope.extensions?.['fetch.platform'] },
});

function detect(app: (...args: never[]) => unknown): 'sync' | 'async' {
  // An `async function` can only be an async app: a sync app must return its body synchronously.
  if (app.constructor.name === 'AsyncFunction') return 'async';
  if (app.length === 2) return 'sync';
  if (app.length === 3) return 'async';
  throw new FetchOptionsError(OPTION_MESSAGES.ambiguousApp(app.length), { option: 'interface' });
}
