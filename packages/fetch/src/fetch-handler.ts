// toFetchHandler: the one place a Fetch Request becomes a scope and a Response comes back. Runtime
// entries (src/runtimes/) call createHandler with their Runtime; everything else is shared.
import {
  createLifespan,
  createScope,
  createWebSocketScope,
  isRequestError,
  runHttp,
  runWebSocket,
  type AsyncApp,
  type Extensions,
  type HeaderList,
  type LogFn,
  type ScopeRequest,
} from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { HttpExchange } from './internal/http-exchange.js';
import { consoleLog } from './internal/log.js';
import { RequestSource, splitUrl } from './internal/request-parts.js';
import { resolveApp } from './internal/resolve-app.js';
import { GENERIC_RUNTIME, type Arrival, type Runtime } from './internal/runtime.js';
import { StartupGate } from './internal/startup-gate.js';
import { WebSocketSession } from './internal/websocket-session.js';
import { SERVE_MESSAGES } from './messages.js';
import type { FetchHandler, FetchHandlerOptions, FetchPlatform } from './types.js';

/** The scope extension (and, for sync apps, environ key 'tsgi.fetch.platform') holding FetchPlatform. */
export const PLATFORM_EXTENSION = 'fetch.platform';

/**
 * Wraps a sync or async tsgi app as a Fetch handler, for any server that speaks Request/Response
 * (Workers, Deno, Bun, Vercel, Netlify, Node servers such as srvx). WebSockets need a runtime
 * helper (toCloudflareWorker, toDenoHandler, toBunServe), since upgrading is runtime-specific.
 *
 * @example
 * const handler = toFetchHandler(app, { rootPath: '/api' });
 * export default { fetch: handler };
 */
export function toFetchHandler(app: SyncApp | AsyncApp, options: FetchHandlerOptions = {}): FetchHandler {
  return createHandler(app, options, GENERIC_RUNTIME) as FetchHandler;
}

/** A handler whose response is undefined when the runtime answered by itself (Bun's upgrade). */
export type RuntimeHandler = ((request: Request, second?: unknown, third?: unknown) => Promise<Response | undefined>) &
  Pick<FetchHandler, 'startup' | 'shutdown'>;

/** Builds the handler for one runtime; everything per request is below `handle`. */
export function createHandler(app: SyncApp | AsyncApp, options: FetchHandlerOptions, runtime: Runtime): RuntimeHandler {
  const asyncApp = resolveApp(app, options);
  const log: LogFn = options.log ?? consoleLog;
  const lifespan = createLifespan(asyncApp, { mode: options.lifespan ?? 'auto', state: options.state ?? {}, log });
  const gate = new StartupGate(lifespan, log);
  const { upgrade, sizedBody } = runtime;
  const rootPath = options.rootPath ?? '';
  const underscoreHeaders = options.underscoreHeaders ?? 'drop';
  // Without a platform context, waitUntil needs nothing from the request: one function serves all.
  const report = (error: unknown): void => log('error', SERVE_MESSAGES.background, error);
  const keep = (promise: Promise<unknown>): void => void promise.catch(report);

  const serve = (request: Request, arrival: Arrival): Promise<Response | undefined> => {
    const { env, ctx } = arrival;
    const platform: FetchPlatform = { env, ctx, request, waitUntil: ctx ? (promise) => ctx.waitUntil(promise.catch(report)) : keep };
    const { scheme, target, server, authority } = splitUrl(request.url);
    const source = new RequestSource(request, authority, arrival, runtime);
    const parts: ScopeRequest = {
      method: request.method,
      target,
      httpVersion: arrival.httpVersion ?? '1.1',
      // The source stands in for headers and client.
      headers: NO_HEADERS,
      source,
      scheme,
      rootPath,
      underscoreHeaders,
      server,
      state: lifespan.state,
      extensions: { [PLATFORM_EXTENSION]: platform } satisfies Extensions,
    };
    try {
      if (upgrade !== undefined && source.asksForWebSocket()) {
        const session = new WebSocketSession(request, upgrade, arrival, log);
        const done = runWebSocket(asyncApp, createWebSocketScope(parts), session).finally(() => session.fallback());
        platform.waitUntil(done);
        return session.response;
      }
      const exchange = new HttpExchange(request, log, sizedBody, runtime);
      // One then() does what then(fallback) and platform.waitUntil's catch(report) would: a promise
      // fewer per request. runHttp rejects only for a host bug.
      const done = runHttp(asyncApp, createScope(parts), exchange).then(
        () => exchange.fallback(),
        (error: unknown) => {
          exchange.fallback();
          report(error);
        },
      );
      if (ctx !== undefined) ctx.waitUntil(done);
      return exchange.response;
    } catch (error) {
      // The one boundary for what fails before the app runs: a refused request, or a host bug.
      if (isRequestError(error)) {
        const { statusCode, headers, body } = error.toResponse();
        return Promise.resolve(new Response(body as Uint8Array<ArrayBuffer>, { status: statusCode, headers }));
      }
      log('error', SERVE_MESSAGES.unexpected, error);
      return Promise.resolve(new Response('Internal Server Error', { status: 500 }));
    }
  };

  const handler = (request: Request, second?: unknown, third?: unknown): Promise<Response | undefined> => {
    const arrival = runtime.arrive(request, second, third);
    if (gate.ready) return serve(request, arrival);
    return gate.wait().then((ok) => (ok ? serve(request, arrival) : startupFailedResponse()));
  };
  return Object.assign(handler, { startup: () => gate.open(), shutdown: () => lifespan.shutdown() });
}

// What ScopeRequest.headers holds when a RequestSource stands in for it; never read.
const NO_HEADERS: HeaderList = [];

function startupFailedResponse(): Response {
  return new Response('Service Unavailable: the app failed to start\n', {
    status: 503,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
