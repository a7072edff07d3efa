// Routes served through the sync interface: a router of plain functions whose `.sync` app the main
// (async) router mounts at /sync, beside a raw sync app.
import { createRouter, type Router } from '@tsgi/router';
import { echoApp } from './echo-app.js';

/**
 * The sync side: GET /hello?name=Ada and POST /echo. Only its sync app is ever served; under an
 * async host it runs inside syncToAsync, which buffers the body and iterates the response lazily.
 *
 * @example
 * // GET /sync/hello?name=Ada →
 * // {"message":"Hello, Ada!","interface":"sync","scriptName":"/sync","pathInfo":"/hello"}
 */
export function syncRouter(): Router {
  const router = createRouter();
  router.get('/hello', (req) => ({
    message: `Hello, ${req.query.get('name') ?? 'world'}!`,
    interface: req.interface,
    scriptName: req.environ?.SCRIPT_NAME ?? null,
    pathInfo: req.environ?.PATH_INFO ?? null,
  }));
  router.mount('/echo', echoApp, { interface: 'sync' });
  return router;
}
