// The worker's side of the heartbeat. A heartbeat sent from the event loop stops when the loop is
// stuck, but then nothing in that loop can say which request is stuck. So the loop only stamps a
// shared clock and the current request into shared memory (cheap: no syscall per request), and a
// small watchdog thread — never blocked by the app — writes them to the supervisor's pipe.
import { Worker } from 'node:worker_threads';

/** How the worker reports liveness. */
export interface Scoreboard {
  /** Notes the request now running ('GET /path'), for the timeout log line. */
  mark(request: string): void;
  stop(): void;
}

const TEXT_BYTES = 240;

// Runs in the watchdog thread (CommonJS, eval'd): reads the stamps, writes '<lag ms> <request>\n'.
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { buffer, fd, intervalMs } = workerData;
const clock = new BigInt64Array(buffer, 0, 1);
const length = new Int32Array(buffer, 8, 1);
const text = new Uint8Array(buffer, 16);
setInterval(() => {
  const lag = Date.now() - Number(Atomics.load(clock, 0));
  const n = Math.min(Atomics.load(length, 0), text.length);
  const request = n > 0 ? String.fromCharCode(...text.slice(0, n)) : '-';
  try { writeSync(fd, lag + ' ' + request + '\\n'); } catch { /* supervisor gone: nothing to tell */ }
}, intervalMs);
`;

/**
 * Starts the clock and the watchdog thread writing heartbeats to `fd` every `intervalMs`.
 *
 * @example
 * const scoreboard = startHeartbeat({ fd: HEARTBEAT_FD, intervalMs: 500 });
 * scoreboard.mark('GET /report');
 */
export function startHeartbeat(options: { fd: number; intervalMs: number }): Scoreboard {
  const buffer = new SharedArrayBuffer(16 + TEXT_BYTES);
  const clock = new BigInt64Array(buffer, 0, 1);
  const length = new Int32Array(buffer, 8, 1);
  const text = new Uint8Array(buffer, 16);
  const tick = (): void => void Atomics.store(clock, 0, BigInt(Date.now()));
  tick();
  const ticker = setInterval(tick, Math.max(10, Math.floor(options.intervalMs / 2)));
  ticker.unref();
  const watchdog = new Worker(WATCHDOG, { eval: true, workerData: { buffer, fd: options.fd, intervalMs: options.intervalMs } });
  watchdog.unref();
  return {
    mark(request) {
      // Request lines are latin-1 (one byte per character): copy the codes, no encoder needed.
      const n = Math.min(request.length, TEXT_BYTES);
      for (let i = 0; i < n; i++) text[i] = request.charCodeAt(i) & 0xff;
      Atomics.store(length, 0, n);
    },
    stop() {
      clearInterval(ticker);
      void watchdog.terminate();
    },
  };
}

/** A scoreboard for when --timeout is 0: nobody watches. */
export const NO_SCOREBOARD: Scoreboard = Object.freeze({ mark: () => undefined, stop: () => undefined });
