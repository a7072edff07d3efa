// Helpers the WebSocket cases share.
import type { ConformanceSocket, Served, WebSocketOptions } from '../driver.js';
import { isHandshakeDeniedError } from '../errors.js';

export const asyncOnly = ['async'] as const;

/** Opens a socket; describeConformance has already checked that the driver can. */
export function open(served: Served, target: string, options?: WebSocketOptions): Promise<ConformanceSocket> {
  return served.websocket!(target, options);
}

/** Sends a message and returns the echo. */
export async function echo(socket: ConformanceSocket, data: string | Uint8Array): Promise<string | Uint8Array> {
  await socket.send(data);
  return socket.receive();
}

/** Expects the handshake to be refused with an HTTP response, and returns it. */
export async function expectDenied(attempt: Promise<ConformanceSocket>): Promise<{ status: number; headers: Array<[string, string]>; body: Uint8Array }> {
  const outcome = await attempt.then(
    async (socket) => {
      await socket.close(1000, '');
      return new Error('the handshake was accepted');
    },
    (error: unknown) => error,
  );
  if (!isHandshakeDeniedError(outcome)) throw outcome;
  return outcome;
}

/** Closes politely and waits for the closing handshake to finish. */
export async function finish(socket: ConformanceSocket): Promise<void> {
  await socket.close(1000, 'done');
  await socket.closed;
}
