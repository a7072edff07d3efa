// @tsgi/async: the async gateway interface (docs/spec/async.md).

// Types
export type {
  Address,
  AsyncApp,
  Extensions,
  HTTPDisconnectEvent,
  HTTPReceiveEvent,
  HTTPRequestEvent,
  HTTPResponseBodyEvent,
  HTTPResponseDebugEvent,
  HTTPResponseEarlyHintEvent,
  HTTPResponsePathsendEvent,
  HTTPResponsePushEvent,
  HTTPResponseStartEvent,
  HTTPResponseTrailersEvent,
  HTTPResponseZerocopysendEvent,
  HTTPScope,
  HTTPSendEvent,
  HeaderList,
  LifespanReceiveEvent,
  LifespanScope,
  LifespanSendEvent,
  LifespanShutdownCompleteEvent,
  LifespanShutdownEvent,
  LifespanShutdownFailedEvent,
  LifespanStartupCompleteEvent,
  LifespanStartupEvent,
  LifespanStartupFailedEvent,
  Receive,
  ReceiveEvent,
  Scope,
  Send,
  SendEvent,
  State,
  TlsInfo,
  TsgiVersion,
  WebSocketAcceptEvent,
  WebSocketCloseEvent,
  WebSocketConnectEvent,
  WebSocketDisconnectEvent,
  WebSocketHTTPResponseBodyEvent,
  WebSocketHTTPResponseStartEvent,
  WebSocketReceiveEvent,
  WebSocketReceiveMessage,
  WebSocketScope,
  WebSocketSendEvent,
  WebSocketSendMessage,
} from './types.js';

// Errors and their messages
export {
  AsyncSpecError,
  ClientDisconnected,
  CommunicatorTimeout,
  LifespanError,
  RequestError,
  isAsyncSpecError,
  isClientDisconnected,
  isLifespanError,
  isRequestError,
} from './errors.js';
export type { ErrorResponse } from './errors.js';
export { BRIDGE_MESSAGES, COMMON_MESSAGES, HTTP_MESSAGES, LIFESPAN_MESSAGES, WEBSOCKET_MESSAGES } from './messages.js';

// Response fields a host leaves out (async §3.4 rule 4)
export { CONNECTION_SPECIFIC_FIELDS, withoutConnectionFields } from './connection-fields.js';

// Scopes
export { TSGI_VERSION, createScope, createWebSocketScope } from './create-scope.js';
export type { ScopeRequest } from './create-scope.js';

// Cycles every host runs
export { runHttp } from './http-cycle.js';
export { runWebSocket } from './websocket-cycle.js';
export { defaultLog } from './transport.js';
export type { CloseInfo, HttpTransport, LogFn, LogLevel, WebSocketFlow, WebSocketTransport } from './transport.js';
export { createLifespan } from './lifespan/lifespan.js';
export type { Lifespan, LifespanOptions } from './lifespan/lifespan.js';

// Test helpers
export { ApplicationCommunicator } from './testing/communicator.js';
export { requestApp } from './testing/request-app.js';
export type { AbortSignalLike, TestRequest, TestResponse } from './testing/request-app.js';

// Validation
export { validate } from './validate/validate.js';

// Sync apps on async hosts
export { syncToAsync } from './sync-to-async/sync-to-async.js';
export type { SyncToAsyncOptions } from './sync-to-async/sync-to-async.js';
export { memorySpool } from './sync-to-async/spool.js';
export type { Spool, SpoolFactory } from './sync-to-async/spool.js';
