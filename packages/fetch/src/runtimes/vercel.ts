// Vercel Functions (Node.js or Edge runtime, Web handler): `export default toVercelHandler(app)`,
// or export its `fetch` as GET, POST, ... Vercel passes `{ waitUntil }` as the second argument
// to method exports; otherwise its request context is read from the global @vercel/functions uses.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { createHandler } from '../fetch-handler.js';
import { waitUntilContext, type Runtime } from '../internal/runtime.js';
import type { FetchHandler, FetchHandlerOptions } from '../types.js';

// The request-context registry Vercel's runtime installs (read the same way by @vercel/functions).
const REQUEST_CONTEXT = Symbol.for('@vercel/request-context');

type ContextRegistry = { get?: () => unknown } | undefined;

const VERCEL: Runtime = {
  arrive: (request, context) => {
    const registry = (globalThis as Record<symbol, ContextRegistry>)[REQUEST_CONTEXT];
    // Vercel sets X-Real-IP to the client's address; clients cannot forge it through Vercel's edge.
    const ip = request.headers.get('x-real-ip');
    return {
      env: undefined,
      ctx: waitUntilContext(context) ?? waitUntilContext(registry?.get?.()),
      client: ip === null ? null : [ip, null],
    };
  },
};

/**
 * A Vercel Function for a tsgi app (no WebSockets: Vercel Functions cannot upgrade).
 *
 * @example
 * // api/[[...path]].ts
 * import { toVercelHandler } from '@tsgi/fetch';
 * export default toVercelHandler(app);
 */
export function toVercelHandler(app: SyncApp | AsyncApp, options: FetchHandlerOptions = {}): { fetch: FetchHandler } {
  return { fetch: createHandler(app, options, VERCEL) as FetchHandler };
}
