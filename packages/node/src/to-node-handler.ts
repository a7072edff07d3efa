// toNodeHandler: a tsgi app as a node:http / node:http2 'request' listener.
import { createScope, isClientDisconnected, isRequestError, runHttp, type AsyncApp, type Extensions, type HeaderList, type HTTPScope, type LogFn, type ScopeRequest } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import { guessInterface } from './app-interface.js';
import { HttpError } from './errors.js';
import { onExchangeEnd } from './exchange-end.js';
import { createHttpTransport, type NodeResponse, type TransportOptions } from './http-transport.js';
import { NODE_MESSAGES } from './messages.js';
import { resolveOptions, type NodeHandlerOptions, type RequestOverrides, type ResolvedOptions } from './options.js';
import { writeRefusal } from './refusal.js';
import { checkedHeaders, requestParts, type NodeRequest } from './request-parts.js';
import { toAsyncApp } from './sync-app.js';
import { withTls } from './tls/tls-info.js';

/** A node 'request' listener (node:http, node:https, or node:http2's compatibility API). */
export type NodeHandler = {
  (req: IncomingMessage, res: ServerResponse): void;
  (req: Http2ServerRequest, res: Http2ServerResponse): void;
};

// Read from `source` instead when node's parser checked the fields.
const NO_HEADERS: HeaderList = [];

// async §6.1: trailers ride on chunked HTTP/1.1 bodies and on HTTP/2 frames.
const EXTENSIONS = { 'http.response.trailers': {} };

/**
 * Serves a sync or async tsgi app as a node request listener: builds the scope (or environ) once per
 * request, streams the body with backpressure, and writes the response with node's framing.
 *
 * @example
 * import { createServer } from 'node:http';
 * createServer(toNodeHandler(app, { rootPath: '/api', bodyLimit: 1 << 20 })).listen(8000);
 */
export function toNodeHandler(app: SyncApp | AsyncApp, options: NodeHandlerOptions = {}): NodeHandler {
  const resolved = resolveOptions(options);
  const kind = options.interface ?? guessInterface(app);
  const asyncApp = kind === 'sync' ? toAsyncApp(app as SyncApp, options, resolved.log) : (app as AsyncApp);
  const { onExchange, requestOverrides, onError, onResponseStart } = options;
  // One literal with every key (no spread): every request reads it, and spreads make slow objects.
  const transportOptions: TransportOptions = {
    body: resolved.body,
    serverHeader: resolved.serverHeader,
    log: quietDisconnects(resolved.log),
    onExchange,
    onResponseStart,
  };
  const extensions = { ...resolved.extensions, ...EXTENSIONS };
  const onResponseError = (error: Error): void => resolved.log('debug', 'response stream error', error);
  const runFailed = (error: unknown): void => resolved.log('error', 'runHttp failed', error);
  const handler = (req: NodeRequest, res: NodeResponse): void => {
    res.on('error', onResponseError);
    const overrides = requestOverrides?.(req);
    const scope = buildScope(req, res, resolved, extensions, overrides);
    if (typeof scope === 'number') {
      if (onExchange) refused(req, res, onExchange, scope);
      return;
    }
    // The transport watches for the end of the exchange and reports it to onExchange.
    const transport = createHttpTransport(req, res, transportOptions, overrides?.body);
    const run = onError ? handOffErrors(asyncApp, (error) => onError(error, req) && (transport.detach({ endForApp: true }), true)) : asyncApp;
    runHttp(run, scope, transport).catch(runFailed);
  };
  return handler;
}

/** Reports an exchange answered before the app ran (buildScope's 400 or 413) once it is over. */
function refused(req: NodeRequest, res: NodeResponse, onExchange: NonNullable<NodeHandlerOptions['onExchange']>, bytes: number): void {
  const started = performance.now();
  onExchangeEnd(req, res, () => onExchange(req, { status: res.statusCode, bytes, completed: res.writableEnded, started }, res));
}

/** Wraps an app so an error it raises before starting a response can be taken over by the host. */
function handOffErrors(app: AsyncApp, takeOver: (error: unknown) => boolean): AsyncApp {
  return async (scope, receive, send) => {
    let started = false;
    try {
      await app(scope, receive, (event) => {
        if (event.type === 'http.response.start') started = true;
        return send(event);
      });
    } catch (error) {
      if (started || !takeOver(error)) throw error;
    }
  };
}

/**
 * runHttp logs an app's rejection after the response completed as an error, but a ClientDisconnected
 * there means the client left during the last write (async §3.6.5): routine, not an app fault.
 */
function quietDisconnects(log: LogFn): LogFn {
  return (level, message, error) => log(level === 'error' && isClientDisconnected(error) ? 'debug' : level, message, error);
}

/** The scope or, after answering a request refused before the app (400, 413), the refusal's body size. */
function buildScope(req: NodeRequest, res: NodeResponse, options: ResolvedOptions, extensions: Extensions, overrides: RequestOverrides | undefined): HTTPScope | number {
  const length = overrides?.body?.byteLength ?? Number(req.headers['content-length'] ?? 0);
  if (options.body.limit > 0 && length > options.body.limit) {
    // RFC 9110 §15.5.14: refuse before reading a body announced too large.
    const error = new HttpError(NODE_MESSAGES.bodyTooLarge(options.body.limit), { status: 413 });
    options.log('info', error.message);
    return writeRefusal(res, error, options);
  }
  const parts = requestParts(req, options.trustedProxies);
  // Every key in one literal: node 20's V8 makes `{ ...parts, key }` a slow dictionary object.
  const checked = checkedHeaders(req, parts.headers);
  const request: ScopeRequest = {
    method: parts.method,
    target: overrides?.target ?? parts.target,
    headers: checked ? NO_HEADERS : parts.headers,
    httpVersion: parts.httpVersion,
    scheme: overrides?.scheme ?? parts.scheme,
    rootPath: overrides?.rootPath ?? options.rootPath,
    client: overrides && 'client' in overrides ? (overrides.client ?? null) : parts.client,
    server: parts.server,
    underscoreHeaders: options.underscoreHeaders,
    extensions: withTls(extensions, req),
  };
  if (options.state) request.state = options.state;
  if (checked) request.source = checked;
  try {
    return createScope(request);
  } catch (error) {
    if (!isRequestError(error)) throw error;
    options.log('info', error.message);
    return writeRefusal(res, error, options);
  }
}
