// Stopping a listener without dropping requests already sent. node's server.close() closes every idle
// connection at once — including one accepted a moment ago whose request is not parsed yet, and a
// keep-alive one whose client is writing its next request right now: gunicorn#2529. And connections
// still in the accept queue are reset when the socket closes: gunicorn#2593.
import type { Server as NetServer } from 'node:net';

/** How long a keep-alive connection must stay quiet, once draining began, before it is closed. */
export const QUIET_MS = 500;

/** A server that can close its idle HTTP/1.x connections (node:http, node:https, h2 with allowHTTP1). */
interface IdleCloser {
  closeIdleConnections?: () => void;
}

/**
 * Stops accepting connections once the accept queue is drained; resolves when the last connection
 * has closed. Idle connections are left open: {@link closeQuietConnections} ends them.
 *
 * @example
 * const stopped = stopAccepting(server);
 * const sweep = closeQuietConnections(server);
 * await stopped; sweep.stop();
 */
export function stopAccepting(server: NetServer): Promise<void> {
  return new Promise((resolve) => {
    let accepted = 0;
    const count = (): void => void accepted++;
    server.on('connection', count);
    const began = performance.now();
    let seen = 0;
    let lastAccept = began;
    // Each poll phase accepts every connection already queued (libuv accepts until EAGAIN); the
    // nested setImmediate runs after one. Keep going until no connection came for SETTLE_MS
    // (bounded): on a loaded machine, or with several workers sharing the socket, handshakes still
    // complete a little after the signal, and a connection left in the queue is reset with it.
    const turn = (): void => {
      setImmediate(() =>
        setImmediate(() => {
          const now = performance.now();
          if (accepted !== seen) [seen, lastAccept] = [accepted, now];
          if (now - lastAccept < SETTLE_MS && now - began < DRAIN_LIMIT_MS) {
            setTimeout(turn, SETTLE_MS / 10);
            return;
          }
          server.off('connection', count);
          closeListener(server, resolve);
        }),
      );
    };
    turn();
  });
}

/** How long no new connection must arrive before the listener closes, once draining began. */
export const SETTLE_MS = 50;

/** The longest the listener stays open, accepting what was queued, once draining began. */
export const DRAIN_LIMIT_MS = 1000;

function closeListener(server: NetServer, closed: () => void): void {
  const closer = server as NetServer & IdleCloser;
  const own = Object.prototype.hasOwnProperty.call(closer, 'closeIdleConnections');
  const original = closer.closeIdleConnections;
  // node ≥ 19 closes idle connections inside close(); the quiet sweep does it safely instead.
  closer.closeIdleConnections = () => undefined;
  try {
    server.close(() => closed());
  } finally {
    if (own && original) closer.closeIdleConnections = original;
    else delete closer.closeIdleConnections;
  }
}

/**
 * Closes idle HTTP/1.x connections after {@link QUIET_MS}, then again every QUIET_MS. While draining,
 * each response says Connection: close, so a connection still idle then has sent nothing since the
 * drain began; a busy client's next request is answered instead of racing a close.
 *
 * @example
 * const sweep = closeQuietConnections(listener.http1);
 * // ... later
 * sweep.stop();
 */
export function closeQuietConnections(server: unknown, quietMs = QUIET_MS): { stop(): void } {
  const closer = server as IdleCloser | null;
  if (typeof closer?.closeIdleConnections !== 'function') return { stop: () => undefined };
  const timer = setInterval(() => closer.closeIdleConnections?.(), quietMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
