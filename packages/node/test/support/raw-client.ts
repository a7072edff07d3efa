// A raw TCP client: what arrived, byte for byte, and a way to wait for more.
import { connect, type Socket } from 'node:net';

/** One connection and everything received on it so far. */
export interface RawConnection {
  socket: Socket;
  /** Bytes received so far, as latin-1 text. */
  readonly received: string;
  /** Resolves once `test` holds for what was received; rejects after `timeoutMs`. */
  until(test: (received: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Resolves once the server closed the connection. */
  closed: Promise<void>;
}

/**
 * Opens a connection to 127.0.0.1:`port` and sends `request` as is.
 *
 * @example
 * const connection = await openRaw(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
 * await connection.until((text) => text.includes('\r\n\r\n'));
 */
export async function openRaw(port: number, request: string): Promise<RawConnection> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  const waiters = new Set<() => void>();
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
    for (const waiter of waiters) waiter();
  });
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  void closed.then(() => {
    for (const waiter of waiters) waiter();
  });
  socket.write(Buffer.from(request, 'latin1'));
  return {
    socket,
    get received() {
      return received;
    },
    closed,
    until(test, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (!test(received)) {
            if (socket.destroyed) finish(new Error(`connection closed; received: ${JSON.stringify(received.slice(0, 300))}`));
            return;
          }
          finish();
        };
        const timer = setTimeout(() => finish(new Error(`timed out; received: ${JSON.stringify(received.slice(0, 300))}`)), timeoutMs);
        const finish = (error?: Error): void => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve(received);
        };
        waiters.add(check);
        check();
      });
    },
  };
}
