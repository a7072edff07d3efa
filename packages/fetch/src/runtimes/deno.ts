// Deno: `Deno.serve(toDenoHandler(app))`, `export default { fetch: toDenoHandler(app) }` for
// `deno serve`, or serveDeno(app, options). WebSockets use Deno.upgradeWebSocket.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { createHandler } from '../fetch-handler.js';
import { consoleLog } from '../internal/log.js';
import type { Runtime } from '../internal/runtime.js';
import { portFromStandardSocket, type StandardSocket, type Upgrade } from '../internal/socket-port.js';
import { SERVE_MESSAGES } from '../messages.js';
import type { FetchHandler, FetchHandlerOptions } from '../types.js';

/** The second argument Deno.serve passes: where the request came from. */
export interface DenoServeInfo {
  remoteAddr?: { hostname: string; port: number };
}

/** The few members of Deno's HttpServer serveDeno returns. */
export interface DenoServer {
  readonly finished: Promise<void>;
  readonly addr: { hostname: string; port: number };
  shutdown(): Promise<void>;
}

/** Deno.serve's options that serveDeno passes through. */
export interface DenoServeOptions {
  /** @default 8000 */
  port?: number;
  /** @default '0.0.0.0' */
  hostname?: string;
  signal?: AbortSignal;
  onListen?: (addr: { hostname: string; port: number }) => void;
}

interface DenoNamespace {
  serve(options: DenoServeOptions, handler: (request: Request, info: DenoServeInfo) => Promise<Response>): DenoServer;
  upgradeWebSocket(request: Request): { socket: StandardSocket; response: Response };
}

const deno = (): DenoNamespace => (globalThis as unknown as { Deno: DenoNamespace }).Deno;

const upgrade: Upgrade = (request, { subprotocol, headers }, events) => {
  // Not upgradeWebSocket's `protocol` option: Deno matches it against the offer split at ', ' only,
  // and runWebSocket has already checked the choice against scope.subprotocols (async §4.3).
  const { socket, response } = deno().upgradeWebSocket(request);
  for (const [name, value] of headers) response.headers.append(name, value);
  if (subprotocol !== null) response.headers.set('sec-websocket-protocol', subprotocol);
  return { response, port: portFromStandardSocket(socket, events, false) };
};

const DENO: Runtime = {
  arrive: (_request, info) => {
    const remote = (info as DenoServeInfo | undefined)?.remoteAddr;
    return { env: undefined, ctx: undefined, client: remote ? [remote.hostname, remote.port] : null };
  },
  upgrade,
  framesWholeBody: true,
  textBody: true,
};

/**
 * A Deno.serve handler for a tsgi app, WebSockets included.
 *
 * @example
 * Deno.serve({ port: 8000 }, toDenoHandler(app));
 */
export function toDenoHandler(app: SyncApp | AsyncApp, options: FetchHandlerOptions = {}): FetchHandler {
  return createHandler(app, options, DENO) as FetchHandler;
}

/** What serveDeno returns: Deno's server, plus the app's lifespan. */
export interface TsgiDenoServer {
  readonly addr: { hostname: string; port: number };
  /** Resolves once the server stopped and lifespan shutdown ran. */
  readonly finished: Promise<void>;
  /** Resolves once lifespan startup completed; rejects with the app's LifespanError. */
  readonly ready: Promise<void>;
  /** Stops taking requests, lets those in flight finish, then runs lifespan shutdown. */
  shutdown(): Promise<void>;
}

/**
 * Serves a tsgi app with Deno.serve: lifespan startup runs at once, shutdown when the server stops.
 *
 * @example
 * const server = serveDeno(app, { port: 8000 });
 * Deno.addSignalListener('SIGTERM', () => void server.shutdown());
 */
export function serveDeno(app: SyncApp | AsyncApp, options: FetchHandlerOptions & DenoServeOptions = {}): TsgiDenoServer {
  const handler = toDenoHandler(app, options);
  const { port, hostname, signal, onListen } = options;
  const server = deno().serve(
    { ...(port !== undefined && { port }), ...(hostname && { hostname }), ...(signal && { signal }), ...(onListen && { onListen }) },
    handler,
  );
  const ready = handler.startup();
  // A failed startup is logged by the handler, and the server answers 503.
  ready.catch(() => undefined);
  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> => (stopping ??= server.shutdown().then(() => handler.shutdown()));
  // An aborted `signal` stops the server without shutdown(): lifespan shutdown still runs.
  const finished = server.finished.then(shutdown);
  finished.catch((error: unknown) => (options.log ?? consoleLog)('error', SERVE_MESSAGES.shutdownFailed, error));
  return { addr: server.addr, finished, ready, shutdown };
}
