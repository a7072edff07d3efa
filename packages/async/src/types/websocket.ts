// docs/spec/async.md §4: WebSocket.
import type { Address, HeaderList, State, TsgiVersion } from './common.js';
import type { Extensions } from './extensions.js';

/** One WebSocket connection, from handshake to close (async §4.1). */
export interface WebSocketScope {
  type: 'websocket';
  tsgi: TsgiVersion;
  httpVersion: '1.1' | '2' | '3';
  scheme: 'ws' | 'wss';
  path: string;
  rawPath: string;
  queryString: string;
  rootPath: string;
  headers: HeaderList;
  client: Address | null;
  server: Address | null;
  /** From `Sec-WebSocket-Protocol`, in the client's order. @default [] */
  subprotocols: string[];
  state?: State;
  extensions?: Extensions;
}

/** The client asks to connect (async §4.2). */
export interface WebSocketConnectEvent {
  type: 'websocket.connect';
}

/** Accepts the connection (async §4.3). */
export interface WebSocketAcceptEvent {
  type: 'websocket.accept';
  /** One of `scope.subprotocols`, or null for none. @default null */
  subprotocol?: string | null;
  /** Extra handshake response headers. @default [] */
  headers?: HeaderList;
}

/** A message from the client: exactly one of `bytes` and `text` is set (async §4.4). */
export interface WebSocketReceiveEvent {
  type: 'websocket.receive';
  bytes?: Uint8Array | null;
  text?: string | null;
}

/** A message to the client: exactly one of `bytes` and `text` is set (async §4.5). */
export interface WebSocketSendEvent {
  type: 'websocket.send';
  bytes?: Uint8Array | null;
  text?: string | null;
}

/** The connection closed, or the handshake failed (async §4.6). */
export interface WebSocketDisconnectEvent {
  type: 'websocket.disconnect';
  /** @default 1005 */
  code: number;
  /** @default '' */
  reason: string;
}

/** Closes the connection; before accept, denies it with 403 (async §4.7). */
export interface WebSocketCloseEvent {
  type: 'websocket.close';
  /** @default 1000 */
  code?: number;
  /** @default '' */
  reason?: string;
}

/** Denies the handshake with an HTTP response of the app's own (async §6.8). */
export interface WebSocketHTTPResponseStartEvent {
  type: 'websocket.http.response.start';
  status: number;
  /** @default [] */
  headers?: HeaderList;
}

/** The denial response's body (async §6.8). */
export interface WebSocketHTTPResponseBodyEvent {
  type: 'websocket.http.response.body';
  /** @default empty */
  body?: Uint8Array;
  /** @default false */
  moreBody?: boolean;
}

export type WebSocketReceiveMessage = WebSocketConnectEvent | WebSocketReceiveEvent | WebSocketDisconnectEvent;

export type WebSocketSendMessage =
  | WebSocketAcceptEvent
  | WebSocketSendEvent
  | WebSocketCloseEvent
  | WebSocketHTTPResponseStartEvent
  | WebSocketHTTPResponseBodyEvent;
