// @tsgi/router: a tiny routing framework; one route table served through either tsgi interface.

// The router
export { Router, createRouter } from './router.js';
export type { MountPair } from './router.js';
export { ROUTER_BRAND, isRouterApp } from './brand.js';
export type {
  AsyncNext,
  ErrorHandler,
  Handler,
  LifespanHook,
  Middleware,
  Next,
  ResponseLike,
  RouteOptions,
  RouterOptions,
  WebSocketHandler,
  WebSocketSession,
  WebSocketSupport,
} from './types.js';
export type { Params } from './matcher/params.js';

// Requests
export { RouterRequest } from './request/request.js';
export type { BackgroundTask } from './request/request.js';
export { HeaderMap } from './headers.js';
export type { HeadersInit } from './headers.js';
export { MultiMap } from './request/multi-map.js';
export { UploadedFile } from './request/uploaded-file.js';
export type { FormData, FormParser } from './request/uploaded-file.js';

// Responses
export { RouterResponse } from './responses/response.js';
export type { BodyChunk, ResponseBody, ResponseInit } from './responses/response.js';
export type { CookieOptions } from './cookies/serialize.js';
export { html, json, redirect, text } from './responses/helpers.js';
export { formatEvent, sse, stream } from './responses/stream.js';
export type { ServerSentEvent } from './responses/stream.js';

// WebSocket: the socket class lives in the opt-in '@tsgi/router/websocket'; its types are here too.
export type { RouterWebSocket, WebSocketMessage } from './websocket/socket.js';

// Errors
export { HttpError, RouterError, isHttpError, isRouterError, messages } from './errors.js';
