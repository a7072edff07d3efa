// The router's public contract: what handlers, middleware and hooks look like.
import type { Receive, Send, State, WebSocketScope } from '@tsgi/async';
import type { RouterRequest } from './request/request.js';
import type { FormParser } from './request/uploaded-file.js';
import type { RouterResponse } from './responses/response.js';
import type { RouterWebSocket } from './websocket/socket.js';

/**
 * What a handler may return: a response, a string (text/plain), a Uint8Array
 * (application/octet-stream), null (204), or anything else JSON can encode.
 */
export type ResponseLike = RouterResponse | string | Uint8Array | null | number | boolean | object;

/**
 * A route handler. A plain function is sync-capable and works through both interfaces; an `async`
 * function makes the route async-only (docs/router.md: "Sync and async").
 *
 * @example
 * const show: Handler<{ id: string }> = (req) => ({ id: req.params.id });
 */
export type Handler<P = Record<string, string | undefined>> = (
  req: RouterRequest<P>,
) => ResponseLike | Promise<ResponseLike>;

/** Calls the rest of the chain; through a sync middleware it returns the response itself. */
export type Next = () => RouterResponse;

/** What `next` is inside an `async` middleware: annotate it to get the Promise type. */
export type AsyncNext = () => Promise<RouterResponse>;

/**
 * Middleware: runs around the rest of the chain, and may act before it, after it, or instead of
 * it. The same shape as a handler plus `next`; a plain function is sync-capable, an `async` one
 * is async-only and should annotate `next: AsyncNext`.
 *
 * @example
 * const timing: Middleware = (req, next) => {
 *   const started = Date.now();
 *   const res = next();
 *   res.headers.set('server-timing', `app;dur=${Date.now() - started}`);
 *   return res;
 * };
 */
export type Middleware = (req: RouterRequest, next: Next & AsyncNext) => ResponseLike | Promise<ResponseLike>;

/** Turns an error into a response; may be sync or `async`. */
export type ErrorHandler<E = unknown> = (error: E, req: RouterRequest) => ResponseLike | Promise<ResponseLike>;

/** A WebSocket route handler (async interface only). */
export type WebSocketHandler<P = Record<string, string | undefined>> = (socket: RouterWebSocket<P>) => void | Promise<void>;

/**
 * One WebSocket connection, as the router hands it to its WebSocket support (async §4). The core
 * routes it; `websocket` from '@tsgi/router/websocket' runs it.
 */
export interface WebSocketSession {
  /** The matched route's handler; null when no WebSocket route matches (deny it with 404). */
  handler: WebSocketHandler | null;
  /** The handshake as a request (no body), with the route's params. */
  request: RouterRequest;
  scope: WebSocketScope;
  receive: Receive;
  send: Send;
  /** The default error page for an error; an unexpected one (not an HttpError) is logged. */
  errorPage: (error: unknown) => RouterResponse;
}

/** Serves WebSocket routes: `websocket` from '@tsgi/router/websocket'. */
export type WebSocketSupport = (session: WebSocketSession) => Promise<void>;

/** A lifespan hook; fills or cleans up `state`, which every request sees as `req.state`. */
export type LifespanHook = (state: State) => void | Promise<void>;

/** Per-route options. */
export interface RouteOptions {
  /** A name for `req.url(name, params)`. */
  name?: string;
}

/** Router-wide options, read once when the app is first served. */
export interface RouterOptions {
  /** Show error messages and stack traces of unexpected errors in responses. Never in production. @default false */
  debug?: boolean;
  /** The largest request body the router reads, in bytes; larger gets 413. @default 1048576 (1 MiB) */
  bodyLimit?: number;
  /**
   * Where unexpected errors are reported.
   * @default environ['tsgi.errors'] through the sync interface, console.error through the async one
   */
  log?: (error: unknown, req: RouterRequest | null) => void;
  /**
   * WebSocket routes (`router.ws`): `websocket` from '@tsgi/router/websocket'. Without it a table
   * with WebSocket routes is refused when compiled, and every WebSocket connection is denied with 404.
   * Given to any router of the tree, it serves the whole tree.
   * @default undefined
   */
  websocket?: WebSocketSupport;
  /**
   * Form bodies for `req.form()` (urlencoded and multipart): `forms` from '@tsgi/router/forms'.
   * Without it `req.form()` throws a RouterError (a 500) whose logged message says how to opt in.
   * Given to any router of the tree, it serves the whole tree.
   * @default undefined
   */
  forms?: FormParser;
}
