// --interface auto: which interface a loaded app speaks (docs/server.md: Interface detection).
import type { AsyncApp } from '@tsgi/async';
import { guessInterface } from '@tsgi/node';
import type { SyncApp } from '@tsgi/sync';
import type { InterfaceChoice } from './config/server-config.js';

/** The app to serve and the interface it speaks. */
export interface DetectedApp {
  interface: 'sync' | 'async';
  app: SyncApp | AsyncApp;
}

/** An app offering both faces, as @tsgi/router's apps do: `.sync` and `.async`. */
interface DualApp {
  sync: SyncApp;
  async: AsyncApp;
}

// @tsgi/router brands its apps with this registered symbol; the shape check covers other dual apps.
const ROUTER_BRAND = Symbol.for('tsgi.router');

/** Thrown text when the export is not an app at all. */
export const NOT_AN_APP = (what: string): string =>
  `the export is ${what}, not a tsgi app: a function (environ, startResponse) or async (scope, receive, send), or a router`;

/**
 * Picks the callable and its interface. A dual app (router) serves its async face under 'auto'
 * (which also serves WebSocket and lifespan); otherwise an AsyncFunction or arity 3 is async and
 * arity 2 is sync. `--interface sync|async` overrides the guess.
 *
 * @example
 * detectInterface(async (scope, receive, send) => {}, 'auto').interface; // 'async'
 * detectInterface(router, 'sync').app === router.sync; // true
 */
export function detectInterface(value: unknown, choice: InterfaceChoice): DetectedApp {
  if (isDual(value)) {
    const kind = choice === 'sync' ? 'sync' : 'async';
    return { interface: kind, app: kind === 'sync' ? value.sync.bind(value) : value.async.bind(value) };
  }
  if (typeof value !== 'function') throw new TypeError(NOT_AN_APP(value === null ? 'null' : typeof value));
  const app = value as SyncApp | AsyncApp;
  return { interface: choice === 'auto' ? guessInterface(app) : choice, app };
}

function isDual(value: unknown): value is DualApp {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  const candidate = value as Partial<Record<string | symbol, unknown>>;
  if (candidate[ROUTER_BRAND] === true) return true;
  return typeof candidate.sync === 'function' && typeof candidate.async === 'function';
}
