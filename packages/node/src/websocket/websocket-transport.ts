// runWebSocket's transport over a node 'upgrade' (req, socket, head), using `ws` in noServer mode.
import type { CloseInfo, HeaderList, LogFn, WebSocketFlow, WebSocketTransport } from '@tsgi/async';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Socket } from 'node:net';
import type { WebSocket, WebSocketServer } from 'ws';
import { writeRawResponse } from '../refusal.js';
import type { Keepalive } from './keepalive.js';

/** What the app chose at accept, read by the shared WebSocketServer's hooks. */
export interface AcceptChoice {
  subprotocol: string | null;
  headers: HeaderList;
}

/** The per-handler parts a connection's transport needs. */
export interface WebSocketContext {
  wss: WebSocketServer;
  /** Read by `handleProtocols` and the 'headers' hook while `ws` completes the handshake. */
  choices: WeakMap<IncomingMessage, AcceptChoice>;
  keepalive: () => Keepalive;
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
  let ws: WebSocket | undefined;
  let deflating = false;
  // Held only until the handshake is answered: an open connection keeps no request (idle memory).
  let handshake: { req: IncomingMessage; head: Buffer } | undefined = { req, head };
  let resolveClosed!: (info: CloseInfo) => void;
  const closed = new Promise<CloseInfo>((resolve) => {
    resolveClosed = resolve;
  });
  // runWebSocket listens before it accepts; until then (and without it) messages have nowhere to go.
  let onMessage: (data: string | Uint8Array) => void = ignore;
  const flow: WebSocketFlow = { pause: () => ws?.pause(), resume: () => ws?.resume() };
  const onEarlyClose = (): void => resolveClosed(ABNORMAL);
  socket.on('error', (error) => context.log('debug', 'WebSocket socket error before accept', error));
  socket.once('close', onEarlyClose);
  const member = {
    // RFC 6455 §7.4.1: 1001 says the server is going away; a handshake in progress is just dropped.
    goAway: () => (ws ? ws.close(1001, 'server shutting down') : socket.destroy()),
  };
  context.active.add(member);
  void closed.then(() => context.active.delete(member));

  const attach = (socketWs: WebSocket): void => {
    ws = socketWs;
    deflating = socketWs.extensions.includes('permessage-deflate');
    const keepalive = context.keepalive();
    keepalive.start(socketWs);
    socketWs.on('message', (data, isBinary) => {
      const buffer = data as Buffer;
      // toString() without arguments is node's shortest path to UTF-8 (`ws` has checked it is valid).
      onMessage(isBinary ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : buffer.toString());
    });
    // `ws` closes with 1009 (too big) or 1007 (invalid UTF-8) itself; the app learns from 'close'.
    socketWs.on('error', (error) => context.log('debug', `WebSocket error: ${error.message}`));
    socketWs.once('close', (code, reason) => {
      keepalive.stop();
      onMessage = ignore;
      resolveClosed({ code, reason: reason.toString('utf8') });
    });
  };

  return {
    closed,
    log: context.log,
    listen(listener) {
      onMessage = listener;
      return flow;
    },
    accept(subprotocol, headers) {
      const pending = handshake;
      return new Promise<void>((resolve, reject) => {
        // The cycle accepts at most once (async §4.3.4); without a request there is nothing to upgrade.
        if (!pending || socket.destroyed) {
          reject(new Error('the client left before the handshake completed'));
          return;
        }
        context.choices.set(pending.req, { subprotocol, headers });
        const onClose = (): void => reject(new Error('the handshake failed'));
        socket.once('close', onClose);
        context.wss.handleUpgrade(pending.req, socket, pending.head, (socketWs) => {
          handshake = undefined;
          socket.off('close', onClose);
          socket.off('close', onEarlyClose);
          attach(socketWs);
          resolve();
        });
      });
    },
    send(data) {
      const current = ws;
      if (!current || current.readyState !== current.OPEN) throw new Error('the WebSocket is not open');
      // With permessage-deflate `ws` queues frames while it compresses, out of the socket's sight:
      // only its write callback says when they left.
      if (deflating) {
        return new Promise<void>((resolve, reject) => {
          current.send(data, typeof data === 'string' ? TEXT : BINARY, (error) => (error ? reject(error) : resolve()));
        });
      }
      if (typeof data === 'string') current.send(Buffer.from(data, 'utf8'), TEXT);
      else current.send(data, BINARY);
      // async §4.5: send resolves once the server can take more. Below the socket's high-water mark
      // it can at once (as node:http's write() returning true): nothing to wait for, so no promise.
      // Above it, once the socket drains.
      return socket.writableNeedDrain ? drained(socket) : undefined;
    },
    close(code, reason) {
      ws?.close(code, reason);
      return Promise.resolve();
    },
    deny(status, headers, body) {
      writeRawResponse(socket as Socket, status, headers, body, context.serverHeader);
      return Promise.resolve();
    },
  };
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
