// toExpressMiddleware / tsgi: a tsgi app as Express middleware, a thin layer over @tsgi/node.
import { defaultLog, type AsyncApp } from '@tsgi/async';
import { guessInterface, toNodeHandler, type NodeHandlerOptions, type NodeRequest } from '@tsgi/node';
import type { SyncApp } from '@tsgi/sync';
import type { ServerResponse } from 'node:http';
import type { Server } from 'node:net';
import { attachServer } from './attach-server.js';
import { MountError } from './errors.js';
import type { ExpressHandler, ExpressRequest, NextFunction } from './express-types.js';
import { inspectBody } from './kept-body.js';
import { createLifespanGate } from './lifespan-gate.js';
import { EXPRESS_MESSAGES } from './messages.js';
import type { AttachOptions, ExpressOptions } from './options.js';
import { toRequestOverrides } from './request-overrides.js';
import { refuse } from './refuse.js';

/** Express middleware serving a tsgi app, with its lifespan and WebSocket controls. */
export interface TsgiMiddleware extends ExpressHandler {
  /** Runs lifespan startup once (requests also wait for it); rejects with the app's LifespanError. */
  ready(): Promise<void>;
  /**
   * Ties the app to the HTTP server: lifespan shutdown runs when the server closes, and with
   * `path` the app's WebSocket routes are served for upgrades at or below that path.
   */
  attach<S extends Server>(server: S, options?: AttachOptions): S;
  /** Closes the app's WebSockets (1001), then runs lifespan shutdown once; later requests get 503. */
  close(): Promise<void>;
}

/**
 * Mounts a sync or async tsgi app in Express: `req.baseUrl` becomes SCRIPT_NAME / rootPath, the
 * rest PATH_INFO / path, and errors the app raises before responding go to `next(err)`.
 *
 * @example
 * const api = toExpressMiddleware(myApp, { fallthrough: true });
 * app.use('/api', api);
 * api.attach(app.listen(3000), { path: '/api' });
 */
export function toExpressMiddleware(app: SyncApp | AsyncApp, options: ExpressOptions = {}): TsgiMiddleware {
  const { fallthrough = false, lifespan = 'auto', websocket = {}, ...nodeOptions } = options;
  const kind = nodeOptions.interface ?? guessInterface(app);
  const log = nodeOptions.log ?? defaultLog;
  const gate = createLifespanGate(kind === 'async' ? (app as AsyncApp) : null, lifespan, log);
  // The hooks below run inside node's handler; they find their request's `next` here.
  const exchanges = new WeakMap<NodeRequest, { next: NextFunction; body: Uint8Array | undefined }>();
  const handOff = (req: NodeRequest, error?: unknown): boolean => {
    const exchange = exchanges.get(req);
    exchange?.next(error);
    return exchange !== undefined;
  };
  const shared: NodeHandlerOptions = { ...nodeOptions, interface: kind, ...(kind === 'async' ? { state: gate.state } : {}) };
  const handler = toNodeHandler(app, {
    ...shared,
    requestOverrides: (req) => toRequestOverrides(req as ExpressRequest, exchanges.get(req)?.body),
    onError: (error, req) => handOff(req, error),
    ...(fallthrough ? { onResponseStart: (status: number, _headers: unknown, req: NodeRequest) => status === 404 && handOff(req) } : {}),
  });
  let closed = false;
  const admission = (): Promise<void> | null =>
    closed ? Promise.reject(new MountError(EXPRESS_MESSAGES.closed, { status: 503, code: 'closed' })) : gate.isReady ? null : gate.ready();

  const serve = (req: ExpressRequest, res: ServerResponse, next: NextFunction): void => {
    const body = inspectBody(req);
    if (body.kind === 'lost') return refuse(req, res, body, log);
    exchanges.set(req, { next, body: body.kind === 'kept' ? body.bytes : undefined });
    handler(req, res);
  };
  const middleware: ExpressHandler = (req, res, next) => {
    const waiting = admission();
    if (waiting === null) serve(req, res, next);
    else waiting.then(() => serve(req, res, next)).catch(next);
  };
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed = true;
    closing ??= attachment.closeSockets().then(() => gate.shutdown());
    return closing;
  };
  const attachment = attachServer({ app, kind, options: { ...shared, ...websocket }, admission, close, log });
  return Object.assign(middleware, { ready: () => gate.ready(), attach: attachment.attach, close });
}

/** The Express-style name of {@link toExpressMiddleware}. @example app.use('/api', tsgi(myApp)); */
export const tsgi = toExpressMiddleware;
