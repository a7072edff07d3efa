// The thread-pool counterpart of syncToAsync: an async app (the one interface inside the server)
// whose HTTP requests run on the pool's threads (STYLE.md: a sync app is wrapped once, at the edge).
import type { AsyncApp } from '@tsgi/async';
import type { ThreadPool } from './pool.js';

/**
 * Serves a sync app loaded in `pool`'s threads as an async app.
 *
 * @example
 * const pool = new ThreadPool({ size: 4, spec: 'app.js', cwd, timeoutMs: 30_000, multiprocess: false, log });
 * await pool.start();
 * createServer(toNodeHandler(toThreadedApp(pool)));
 */
export function toThreadedApp(pool: ThreadPool): AsyncApp {
  return async (scope, receive, send) => {
    // async §5.5: returning at once says "no lifespan support" — a sync app has none.
    if (scope.type === 'lifespan') return;
    // async §7.1: the sync interface has no WebSocket; closing before accept denies with 403.
    if (scope.type === 'websocket') return send({ type: 'websocket.close' });
    return pool.run(scope, receive, send);
  };
}
