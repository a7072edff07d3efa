// How a router is recognised across package copies, e.g. by the `tsgi` CLI choosing how to serve it.
import type { Router } from './router.js';

/** The brand every Router carries: `router[Symbol.for('tsgi.router')] === true`. */
export const ROUTER_BRAND: unique symbol = Symbol.for('tsgi.router') as never;

/**
 * True for a router from any copy of this package; serve it with `value.async` or `value.sync`.
 *
 * @example
 * const app = isRouterApp(mod.app) ? mod.app.async : mod.app;
 */
export const isRouterApp = (value: unknown): value is Router =>
  typeof value === 'object' && value !== null && (value as { [ROUTER_BRAND]?: unknown })[ROUTER_BRAND] === true;
