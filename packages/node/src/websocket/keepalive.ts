// Ping/pong keepalive (RFC 6455 §5.5.2): a peer that stops answering pings is dropped. One timer
// sweeps every connection of a handler, instead of an interval and a timeout per connection: an idle
// connection costs two fields, and ten thousand of them one timer.
import { performance } from 'node:perf_hooks';
import type { WebSocket } from 'ws';
import type { ServerWebSocket } from './server-websocket.js';

/** Pings the connections it holds. */
export interface Keepalive {
  add(ws: ServerWebSocket): void;
  delete(ws: ServerWebSocket): void;
}

/** The null object, for when pings are off (STYLE.md: null objects instead of flags). */
const OFF: Keepalive = { add: () => undefined, delete: () => undefined };

// The sweep runs this many times per interval (or timeout, if shorter), so a ping or a drop comes at
// most an eighth late; never less often than once a second, nor more often than every 10 ms (a
// timeout of 0 must not spin).
const SWEEPS = 8;
const MAX_SWEEP_MS = 1000;
const MIN_SWEEP_MS = 10;

/**
 * Pings each connection every `interval` seconds; terminates one whose pong takes over `timeout`.
 *
 * @example
 * const keepalive = createKeepalive(20, 20, () => log('info', 'ping timeout'));
 * keepalive.add(ws); ws.on('close', () => keepalive.delete(ws));
 */
export function createKeepalive(interval: number, timeout: number, onTimeout: () => void): Keepalive {
  if (interval <= 0) return OFF;
  return new KeepaliveSweep(interval * 1000, timeout * 1000, onTimeout);
}

class KeepaliveSweep implements Keepalive {
  private readonly members = new Set<ServerWebSocket>();
  private ticker: NodeJS.Timeout | undefined;
  private readonly period: number;
  /** Shared by every connection of this sweep (`this` is the connection). */
  private readonly onPong: (this: WebSocket) => void;

  constructor(
    private readonly interval: number,
    private readonly timeout: number,
    private readonly onTimeout: () => void,
  ) {
    this.period = Math.max(MIN_SWEEP_MS, Math.min(MAX_SWEEP_MS, Math.min(interval, timeout) / SWEEPS));
    // The pong answers the ping sent at `keepaliveDue - timeout`: the next is due an interval after it.
    const shift = interval - timeout;
    this.onPong = function onPong() {
      // Only ever added to a ServerWebSocket; `ws` types a listener's `this` as its base class.
      const ws = this as ServerWebSocket;
      if (!ws.awaitingPong) return;
      ws.awaitingPong = false;
      ws.keepaliveDue += shift;
    };
  }

  add(ws: ServerWebSocket): void {
    ws.awaitingPong = false;
    ws.keepaliveDue = performance.now() + this.interval;
    ws.on('pong', this.onPong);
    this.members.add(ws);
    if (this.ticker === undefined) {
      this.ticker = setInterval(this.sweep, this.period);
      // A quiet server with open connections may still exit: pings never keep the process alive.
      this.ticker.unref();
    }
  }

  delete(ws: ServerWebSocket): void {
    if (!this.members.delete(ws) || this.members.size > 0 || this.ticker === undefined) return;
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private readonly sweep = (): void => {
    const now = performance.now();
    for (const ws of this.members) {
      if (now < ws.keepaliveDue) continue;
      if (ws.awaitingPong) {
        this.delete(ws);
        this.onTimeout();
        ws.terminate();
        continue;
      }
      ws.awaitingPong = true;
      ws.keepaliveDue = now + this.timeout;
      ws.ping();
    }
  };
}
