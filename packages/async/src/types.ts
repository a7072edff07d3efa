// The async gateway interface, as types. One file per section of docs/spec/async.md.
export type { Address, HeaderList, State, TsgiVersion } from './types/common.js';
export type { Extensions, TlsInfo } from './types/extensions.js';
export type {
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
} from './types/http.js';
export type {
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
} from './types/websocket.js';
export type {
  LifespanReceiveEvent,
  LifespanScope,
  LifespanSendEvent,
  LifespanShutdownCompleteEvent,
  LifespanShutdownEvent,
  LifespanShutdownFailedEvent,
  LifespanStartupCompleteEvent,
  LifespanStartupEvent,
  LifespanStartupFailedEvent,
} from './types/lifespan.js';
export type { AsyncApp, Receive, ReceiveEvent, Scope, Send, SendEvent } from './types/app.js';
