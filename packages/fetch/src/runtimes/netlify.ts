// Netlify Functions and Edge Functions: `export default toNetlifyHandler(app)` plus a `config`
// with the path. Netlify passes a Context (client IP, waitUntil) and exposes `Netlify.env`.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { createHandler } from '../fetch-handler.js';
import { waitUntilContext, type Runtime } from '../internal/runtime.js';
import type { FetchHandler, FetchHandlerOptions, WaitUntilContext } from '../types.js';

/** The members of Netlify's Context the adapter reads; the app gets the whole object as `ctx`. */
export interface NetlifyContext extends Partial<WaitUntilContext> {
  ip?: string;
}

/** Netlify's environment accessor (`Netlify.env`), the app's `env`. */
export interface NetlifyEnv {
  get(name: string): string | undefined;
  toObject(): Record<string, string>;
}

const NETLIFY: Runtime = {
  arrive: (_request, context) => {
    const ip = (context as NetlifyContext | undefined)?.ip;
    return {
      env: (globalThis as { Netlify?: { env?: NetlifyEnv } }).Netlify?.env,
      ctx: waitUntilContext(context),
      client: ip === undefined ? null : [ip, null],
    };
  },
};

/**
 * A Netlify Function for a tsgi app (no WebSockets: Netlify Functions cannot upgrade).
 *
 * @example
 * // netlify/functions/app.ts
 * import { toNetlifyHandler } from '@tsgi/fetch';
 * export default toNetlifyHandler(app);
 * export const config = { path: '/*' };
 */
export function toNetlifyHandler(app: SyncApp | AsyncApp, options: FetchHandlerOptions = {}): FetchHandler {
  return createHandler(app, options, NETLIFY) as FetchHandler;
}
