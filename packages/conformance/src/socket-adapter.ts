// The plumbing every real-socket driver needs to present its client as a ConformanceSocket: a
// message inbox whose receive() fails once the connection closes, and a `closed` promise.
import type { HeaderList } from '@tsgi/async';
import { deferred } from './_internal/deferred.js';
import { Queue } from './_internal/queue.js';
import type { ConformanceSocket } from './driver.js';

/** What the driver's client can do; the adapter adds the receiving side. */
export interface SocketAdapterOptions {
  subprotocol: string | null;
  /** The handshake response headers, names lower-cased. */
  headers: HeaderList;
  send(data: string | Uint8Array): Promise<void>;
  /** Starts the closing handshake; `closed` settles when the driver calls `end()`. */
  close(code: number, reason: string): Promise<void>;
}

/** A ConformanceSocket, plus the two calls the driver wires to its client's events. */
export interface SocketAdapter {
  socket: ConformanceSocket;
  /** A message arrived: a string for text, bytes for binary. */
  deliver(message: string | Uint8Array): void;
  /** The connection closed with this code and reason (1005 and '' when the close frame had none). */
  end(code: number, reason: string): void;
}

/**
 * Builds a ConformanceSocket over any WebSocket client.
 *
 * @example
 * ws.on('open', () => {
 *   const { socket, deliver, end } = createSocketAdapter({ subprotocol: ws.protocol || null, headers, send, close });
 *   ws.on('message', (data, isBinary) => deliver(isBinary ? new Uint8Array(data as Buffer) : String(data)));
 *   ws.on('close', (code, reason) => end(code, String(reason)));
 *   resolve(socket);
 * });
 */
export function createSocketAdapter(options: SocketAdapterOptions): SocketAdapter {
  const inbox = new Queue<string | Uint8Array>();
  const closed = deferred<{ code: number; reason: string }>();
  const socket: ConformanceSocket = {
    subprotocol: options.subprotocol,
    headers: options.headers,
    send: (data) => options.send(data),
    receive: () => inbox.shift(),
    close: (code, reason) => options.close(code, reason),
    closed: closed.promise,
  };
  return {
    socket,
    deliver: (message) => inbox.push(message),
    end: (code, reason) => {
      inbox.end();
      closed.resolve({ code, reason });
    },
  };
}
