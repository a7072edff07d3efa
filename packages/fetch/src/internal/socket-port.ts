// The small per-runtime half of WebSocket support. A runtime turns an upgrade request into a socket
// and reports that socket's events to a SocketEvents; everything else (the async spec's events, the
// handshake, denial) is one implementation in websocket-session.ts.
import type { HeaderList } from '@tsgi/async';
import type { Arrival } from './runtime.js';

/** What a runtime's socket tells the session. */
export interface SocketEvents {
  /** The socket can send (Deno and Bun open after the 101 went out; Workers at once). */
  opened(): void;
  received(data: string | Uint8Array): void;
  /** The connection closed: the peer's close frame, or 1006 when it vanished. */
  ended(code: number, reason: string): void;
}

/** A runtime's socket, reduced to what the session calls. */
export interface SocketPort {
  /** Resolves when the runtime can take more (Bun reports backpressure; others buffer). */
  send(data: string | Uint8Array): void | Promise<void>;
  close(code: number, reason: string): void;
}

/** How the app accepted: the subprotocol chosen and extra 101 headers. */
export interface AcceptOptions {
  subprotocol: string | null;
  headers: HeaderList;
}

/**
 * Upgrades one request. Returns the Response the fetch handler returns (undefined on Bun, whose
 * `server.upgrade` answers by itself) and the socket, which reports to `events`.
 */
export type Upgrade = (
  request: Request,
  accept: AcceptOptions,
  events: SocketEvents,
  arrival: Arrival,
) => { response: Response | undefined; port: SocketPort };

/** The WHATWG WebSocket members Workers' and Deno's server-side sockets share. */
export interface StandardSocket {
  readonly readyState: number;
  binaryType: string;
  send(data: string | ArrayBufferView | ArrayBuffer): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'message' | 'error', listener: (event: StandardSocketEvent) => void): void;
}

/** The fields of the events a StandardSocket dispatches that we read. */
export interface StandardSocketEvent {
  data?: unknown;
  code?: number;
  reason?: string;
}

// RFC 6455 §7.4.1: these codes are reported, never sent in a close frame.
const RESERVED = new Set([1005, 1006, 1015]);
const OPEN = 1;

/** Wires a WHATWG-style server socket (Workers' WebSocketPair end, Deno's upgradeWebSocket) to a session. */
export function portFromStandardSocket(socket: StandardSocket, events: SocketEvents, openNow: boolean): SocketPort {
  socket.binaryType = 'arraybuffer';
  if (openNow) events.opened();
  else socket.addEventListener('open', () => events.opened());
  socket.addEventListener('message', ({ data }) => {
    events.received(typeof data === 'string' ? data : new Uint8Array(data as ArrayBuffer));
  });
  socket.addEventListener('close', ({ code = 1005, reason = '' }) => {
    // Workers deliver the peer's close frame before answering it; echoing completes the handshake
    // (RFC 6455 §5.5.1). Deno has already answered, and close() on a closed socket does nothing.
    if (socket.readyState !== 3) {
      try {
        if (RESERVED.has(code)) socket.close();
        else socket.close(code, reason);
      } catch {
        // Already closing: the runtime answered for us.
      }
    }
    events.ended(code, reason);
  });
  socket.addEventListener('error', () => {
    if (socket.readyState !== OPEN) events.ended(1006, '');
  });
  return {
    send: (data) => socket.send(data),
    close: (code, reason) => socket.close(code, reason),
  };
}
