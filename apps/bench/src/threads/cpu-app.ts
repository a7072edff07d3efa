// A sync app with CPU-bound work (GET /cpu, a few milliseconds of pure JavaScript) and a cheap
// GET /health, for measuring `tsgi serve --threads`.
import type { SyncApp } from '@tsgi/sync';

const encoder = new TextEncoder();

/** Iterations of the work loop per /cpu request (a few ms on a current core). */
export const CPU_ITERATIONS = 2_000_000;

/**
 * Pure-JS work that cannot be optimised away: an xorshift walk whose result is returned.
 *
 * @example
 * burn(3); // 2064144800
 */
export function burn(iterations: number): number {
  let x = 2463534242;
  for (let i = 0; i < iterations; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
  }
  return x;
}

/** The app the threads suite serves. */
export const app: SyncApp = (environ, startResponse) => {
  const body = encoder.encode(environ.PATH_INFO === '/cpu' ? String(burn(CPU_ITERATIONS)) : 'ok');
  startResponse('200 OK', [
    ['content-type', 'text/plain'],
    ['content-length', String(body.byteLength)],
  ]);
  return [body];
};
