// runWebSocket's transport over a node 'upgrade' (req, socket, head), using `ws` in noServer mode.
// One object per connection, its methods on the prototype and `ws`'s listeners shared: an idle
// connection holds a few fields, not a dozen closures.
import type { CloseInfo, HeaderList, LogFn, WebSocketFlow, WebSocketTransport } from '@tsgi/async';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Socket } from 'node:net';
import type { Server as WebSocketServer } from 'ws';
import { writeRawResponse } from '../refusal.js';
import { writeMessage } from './frame.js';
import type { Keepalive } from './keepalive.js';
import { listenShared, type ConnectionSink, type ServerWebSocket } from './server-websocket.js';

/** What the app chose at accept, read by the shared WebSocketServer's hooks. */
export interface AcceptChoice {
  subprotocol: string | null;
  headers: HeaderList;
}

/** The per-handler parts a connection's transport needs. */
export interface WebSocketContext {
  wss: WebSocketServer<typeof ServerWebSocket>;
  /** Read by `handleProtocols` and the 'headers' hook while `ws` completes the handshake. */
  choices: WeakMap<IncomingMessage, AcceptChoice>;
  keepalive: Keepalive;
  serverHeader: string | null;
  log: LogFn;
  /** Open connections, so a server shutting down can say goodbye (1001) to each. */
  active: Set<{ goAway(): void }>;
}

const ABNORMAL: CloseInfo = { code: 1006, reason: '' };
const TEXT = { binary: false };
const BINARY = { binary: true };

/**
 * Builds the transport for one upgrade request. Until accept, the raw socket is held; accept hands
 * it to `ws`; deny writes an HTTP response on it instead.
 *
 * @example
 * await runWebSocket(app, scope, createWebSocketTransport(context, req, socket, head));
 */
export function createWebSocketTransport(context: WebSocketContext, req: IncomingMessage, socket: Duplex, head: Buffer): WebSocketTransport {
  return new NodeWebSocketTransport(context, req, socket, head);
}

class NodeWebSocketTransport implements WebSocketTransport, WebSocketFlow, ConnectionSink {
  readonly closed: Promise<CloseInfo>;
  readonly log: LogFn;
  private resolveClosed!: (info: CloseInfo) => void;
  private ws: ServerWebSocket | null = null;
  private deflating = false;
  // Held only until the handshake is answered: an open connection keeps no request (idle memory).
  private req: IncomingMessage | null;
  private head: Buffer | null;
  /** The socket's listeners while the handshake is unanswered; removed once `ws` owns the socket. */
  private early: { close: () => void; error: (error: Error) => void } | null;
  // runWebSocket listens before it accepts; until then (and without it) messages have nowhere to go.
  private onMessage: (data: string | Uint8Array) => void = ignore;

  constructor(
    private readonly context: WebSocketContext,
    req: IncomingMessage,
    private readonly socket: Duplex,
    head: Buffer,
  ) {
    this.req = req;
    this.head = head;
    this.log = context.log;
    this.closed = new Promise<CloseInfo>((resolve) => {
      this.resolveClosed = resolve;
    });
    this.early = {
      close: () => this.end(ABNORMAL),
      error: (error) => context.log('debug', 'WebSocket socket error before accept', error),
    };
    socket.on('error', this.early.error);
    socket.once('close', this.early.close);
    context.active.add(this);
  }

  /** RFC 6455 §7.4.1: 1001 says the server is going away; a handshake in progress is just dropped. */
  goAway(): void {
    if (this.ws) this.ws.close(1001, 'server shutting down');
    else this.socket.destroy();
  }

  listen(listener: (data: string | Uint8Array) => void): WebSocketFlow {
    this.onMessage = listener;
    return this;
  }

  pause(): void {
    this.ws?.pause();
  }

  resume(): void {
    this.ws?.resume();
  }

  accept(subprotocol: string | null, headers: HeaderList): Promise<void> {
    const { req, head, socket } = this;
    return new Promise<void>((resolve, reject) => {
      // The cycle accepts at most once (async §4.3.4); without a request there is nothing to upgrade.
      if (!req || !head || socket.destroyed) {
        reject(new Error('the client left before the handshake completed'));
        return;
      }
      this.context.choices.set(req, { subprotocol, headers });
      const onClose = (): void => reject(new Error('the handshake failed'));
      socket.once('close', onClose);
      // RFC 9110 §7.8: a client may offer several protocols in Upgrade (isWebSocketUpgrade found
      // websocket among them) and the server picks one; `ws` accepts the single value only.
      req.headers.upgrade = 'websocket';
      this.context.wss.handleUpgrade(req, socket, head, (ws) => {
        socket.off('close', onClose);
        this.attach(ws);
        resolve();
      });
    });
  }

  private attach(ws: ServerWebSocket): void {
    this.req = null;
    this.head = null;
    if (this.early) {
      // `ws` listens for the socket's errors and close from here on.
      this.socket.off('error', this.early.error);
      this.socket.off('close', this.early.close);
      this.early = null;
    }
    this.ws = ws;
    this.deflating = ws.extensions.includes('permessage-deflate');
    ws.sink = this;
    listenShared(ws);
    this.context.keepalive.add(ws);
  }

  message(data: Buffer, isBinary: boolean): void {
    // toString() without arguments is node's shortest path to UTF-8 (`ws` has checked it is valid).
    this.onMessage(isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data.toString());
  }

  // `ws` closes with 1009 (too big) or 1007 (invalid UTF-8) itself; the app learns from 'close'.
  failed(error: Error): void {
    this.log('debug', `WebSocket error: ${error.message}`);
  }

  ended(code: number, reason: Buffer): void {
    this.end({ code, reason: reason.toString('utf8') });
  }

  private end(info: CloseInfo): void {
    if (this.ws) this.context.keepalive.delete(this.ws);
    this.onMessage = ignore;
    this.context.active.delete(this);
    this.resolveClosed(info);
  }

  send(data: string | Uint8Array): Promise<void> | void {
    const ws = this.ws;
    if (!ws || ws.readyState !== 1) throw new Error('the WebSocket is not open');
    // With permessage-deflate `ws` queues frames while it compresses, out of the socket's sight:
    // only its write callback says when they left.
    if (this.deflating) {
      return new Promise<void>((resolve, reject) => {
        ws.send(data, typeof data === 'string' ? TEXT : BINARY, (error) => (error ? reject(error) : resolve()));
      });
    }
    const socket = this.socket;
    writeMessage(socket, data);
    // async §4.5: send resolves once the server can take more. Below the socket's high-water mark
    // it can at once (as node:http's write() returning true): nothing to wait for, so no promise.
    // Above it, once the socket drains.
    return socket.writableNeedDrain ? drained(socket) : undefined;
  }

  close(code: number, reason: string): Promise<void> {
    this.ws?.close(code, reason);
    return Promise.resolve();
  }

  deny(status: number, headers: HeaderList, body: Uint8Array): Promise<void> {
    writeRawResponse(this.socket as Socket, status, headers, body, this.context.serverHeader);
    return Promise.resolve();
  }
}

function ignore(): void {}

/** Resolves once `socket` drains; rejects if it closes first, as the message may never leave. */
function drained(socket: Duplex): Promise<void> {
  if (socket.destroyed) return Promise.reject(new Error('the connection closed while sending'));
  return new Promise<void>((resolve, reject) => {
    const onDrain = (): void => {
      socket.off('close', onClose);
      resolve();
    };
    const onClose = (): void => {
      socket.off('drain', onDrain);
      reject(new Error('the connection closed while sending'));
    };
    socket.once('drain', onDrain);
    socket.once('close', onClose);
  });
}
