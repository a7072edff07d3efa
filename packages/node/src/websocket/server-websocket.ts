// The `ws` connection class our WebSocketServer builds: room for the transport and the keepalive
// state in the object itself, so an idle connection holds no closures or timers of its own.
import { WebSocket } from 'ws';

/** What a connection's shared listeners deliver to. */
export interface ConnectionSink {
  message(data: Buffer, isBinary: boolean): void;
  ended(code: number, reason: Buffer): void;
  failed(error: Error): void;
}

/**
 * A server-side `ws` WebSocket that knows its transport and its keepalive state.
 *
 * @example
 * new WebSocketServer({ noServer: true, WebSocket: ServerWebSocket });
 */
export class ServerWebSocket extends WebSocket {
  /** Where this connection's events go; set once the handshake completes. */
  sink: ConnectionSink | null = null;
  /** Keepalive: a ping is out and its pong has not come back. */
  awaitingPong = false;
  /** Keepalive: when (performance.now()) the next ping is due, or the unanswered one times out. */
  keepaliveDue = 0;
}

/**
 * Hands `ws`'s events to the connection's sink with listeners every connection shares (EventEmitter
 * calls a listener with the emitter as `this`).
 *
 * @example
 * socketWs.sink = transport; listenShared(socketWs);
 */
export function listenShared(ws: ServerWebSocket): void {
  ws.on('message', onMessage);
  ws.on('error', onError);
  // 'close' comes once: on(), not once(), spares a wrapper per connection.
  ws.on('close', onClose);
}

// `ws` types a listener's `this` as its base class; ours are only ever added to a ServerWebSocket.
function onMessage(this: WebSocket, data: Buffer, isBinary: boolean): void {
  (this as ServerWebSocket).sink?.message(data, isBinary);
}

function onError(this: WebSocket, error: Error): void {
  (this as ServerWebSocket).sink?.failed(error);
}

function onClose(this: WebSocket, code: number, reason: Buffer): void {
  (this as ServerWebSocket).sink?.ended(code, reason);
}
