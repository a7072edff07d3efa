// The public contract of @tsgi/fetch. Platform objects (Cloudflare's ExecutionContext, Deno's and
// Bun's servers) are declared here and in src/runtimes/ as the few members we use, never imported from
// @types/* or @cloudflare/workers-types: those in published .d.ts break consumers' builds (srvx).
import type { LogFn, State } from '@tsgi/async';

/** Which gateway interface an app speaks; 'auto' tells them apart by their parameter count. */
export type AppInterface = 'sync' | 'async' | 'auto';

/**
 * The part of a platform's execution context tsgi uses: Cloudflare's `ExecutionContext`, Netlify's
 * `Context`, Vercel's request context all have it.
 */
export interface WaitUntilContext {
  /** Keeps the isolate alive until `promise` settles, after the response is sent. */
  waitUntil(promise: Promise<unknown>): void;
}

/**
 * What the platform handed this request, reachable from the app as `scope.extensions['fetch.platform']`
 * (async apps) and `environ['tsgi.fetch.platform']` (sync apps): one object, the same in both.
 *
 * @example
 * const { env, waitUntil } = scope.extensions?.['fetch.platform'] as FetchPlatform<{ KV: KVNamespace }>;
 * waitUntil(env.KV.put('last-seen', new Date().toISOString()));
 */
export interface FetchPlatform<Env = unknown> {
  /** Workers bindings, Netlify's `Netlify.env`, ...; undefined where the runtime has none (Deno, Bun). */
  readonly env: Env;
  /** The platform's execution context (Workers `ctx`, Netlify `context`), when it has one. */
  readonly ctx: WaitUntilContext | undefined;
  /** The Request exactly as the runtime delivered it. */
  readonly request: Request;
  /**
   * Runs `promise` to its end after the response: `ctx.waitUntil` where the platform has it; on
   * long-lived processes (Deno, Bun, Node) the promise simply runs, its rejection logged.
   */
  waitUntil(promise: Promise<unknown>): void;
}

/** Options of {@link toFetchHandler} and every runtime helper. Resolved once, when the handler is built. */
export interface FetchHandlerOptions {
  /**
   * The app's interface. 'auto' treats a function declaring two parameters as a sync app and one
   * declaring three (or an `async function`) as an async app; anything else throws at once.
   * @default 'auto'
   */
  interface?: AppInterface;
  /** Where the app is mounted, e.g. '/api' (scope.rootPath, SCRIPT_NAME). @default '' */
  rootPath?: string;
  /**
   * Lifespan (async apps): 'auto' runs startup but treats an app that raises before answering as one
   * without lifespan support, 'on' requires it, 'off' skips it. @default 'auto'
   */
  lifespan?: 'auto' | 'on' | 'off';
  /** Initial lifespan state, shallow-copied into each request's scope. @default {} */
  state?: State;
  /**
   * Sync apps: the most request-body bytes buffered before the app runs (these runtimes have no
   * blocking reads); a longer body is answered 413 without calling the app.
   * @default 10485760 (10 MiB)
   */
  bodyLimit?: number;
  /** Header names with '_': dropped, or the request refused with 400. @default 'drop' */
  underscoreHeaders?: 'drop' | 'refuse';
  /** Where app errors and spec violations are reported. @default errors and warnings to the console */
  log?: LogFn;
}

/**
 * A Fetch-API handler: `(request, env?, ctx?) => Promise<Response>`, plus the app's lifespan.
 *
 * @example
 * const handler = toFetchHandler(app);
 * const response = await handler(new Request('http://localhost/hello'));
 */
export interface FetchHandler {
  (request: Request, env?: unknown, ctx?: WaitUntilContext): Promise<Response>;
  /**
   * Runs lifespan startup now (it otherwise runs before the first request); the same promise every
   * request waits for. Rejects with the app's LifespanError when startup fails.
   */
  startup(): Promise<void>;
  /** Runs lifespan shutdown, once. Call it when the server stops; Workers-style isolates never do. */
  shutdown(): Promise<void>;
}
