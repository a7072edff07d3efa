// @tsgi/fetch: run any tsgi app on Fetch-API runtimes (Workers, Deno, Bun, Vercel, Netlify, Node).

// The handler
export { PLATFORM_EXTENSION, toFetchHandler } from './fetch-handler.js';
export { PLATFORM_ENVIRON_KEY } from './internal/resolve-app.js';

// One entry per runtime
export { toBunServe } from './runtimes/bun.js';
export { toCloudflareWorker } from './runtimes/cloudflare.js';
export { serveDeno, toDenoHandler } from './runtimes/deno.js';
export { toNetlifyHandler } from './runtimes/netlify.js';
export { toNodeFetchHandler } from './runtimes/node.js';
export { toVercelHandler } from './runtimes/vercel.js';

// Errors and messages
export { FetchOptionsError, isFetchOptionsError } from './errors.js';
export { OPTION_MESSAGES, SERVE_MESSAGES } from './messages.js';

// Types
export type { AppInterface, FetchHandler, FetchHandlerOptions, FetchPlatform, WaitUntilContext } from './types.js';
export type { BunServer, BunSocket, BunSocketLink, BunWebSocketHandler } from './runtimes/bun.js';
export type { CloudflareWorker } from './runtimes/cloudflare.js';
export type { DenoServeInfo, DenoServeOptions, DenoServer, TsgiDenoServer } from './runtimes/deno.js';
export type { NetlifyContext, NetlifyEnv } from './runtimes/netlify.js';
