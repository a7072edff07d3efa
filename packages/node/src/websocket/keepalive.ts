// Ping/pong keepalive (RFC 6455 §5.5.2): a peer that stops answering pings is dropped.
import type { WebSocket } from 'ws';

/** Starts or stops pinging one connection. */
export interface Keepalive {
  start(ws: WebSocket): void;
  stop(): void;
}

/** The null object, for when pings are off (STYLE.md: null objects instead of flags). */
const OFF: Keepalive = { start: () => undefined, stop: () => undefined };

/**
 * Pings every `interval` seconds; terminates the connection when a pong takes over `timeout`.
 *
 * @example
 * const keepalive = createKeepalive(20, 20, () => log('info', 'ping timeout'));
 * keepalive.start(ws); ws.on('close', () => keepalive.stop());
 */
export function createKeepalive(interval: number, timeout: number, onTimeout: () => void): Keepalive {
  if (interval <= 0) return OFF;
  let ticker: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  let awaitingPong = false;
  return {
    start(ws) {
      ws.on('pong', () => {
        awaitingPong = false;
        clearTimeout(deadline);
      });
      ticker = setInterval(() => {
        if (awaitingPong) return;
        awaitingPong = true;
        ws.ping();
        deadline = setTimeout(() => {
          onTimeout();
          ws.terminate();
        }, timeout * 1000);
        deadline.unref();
      }, interval * 1000);
      ticker.unref();
    },
    stop() {
      clearInterval(ticker);
      clearTimeout(deadline);
    },
  };
}
