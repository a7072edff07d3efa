// Every HTTP contender, in report order. A tsgi contender whose package or app file is missing stays
// listed and is reported as pending.
import { gunicorn, nodeServer, tsgiApp, uvicorn, type HttpContender } from './contender.js';

const ROUTER: readonly [string, readonly string[]] = ['@tsgi/router', ['createRouter']];

/** The contender every ratio is taken against. */
export const BASELINE_ID = 'node-http';

/** The raw async app behind the least code the async contract needs: the contract's own ceiling. */
export const BARE_ASYNC_ID = 'bare-async-host';

/** The contenders of the raw-app targets, measured again side by side in paired bursts. */
export const PAIRED_IDS: readonly string[] = [BASELINE_ID, BARE_ASYNC_ID, 'tsgi-async', 'tsgi-sync', 'fastify'];

/** All HTTP contenders. */
export const HTTP_CONTENDERS: readonly HttpContender[] = [
  nodeServer(BASELINE_ID, 'node:http · raw handler', 'ceiling', 'http/servers/node-http'),
  nodeServer(BARE_ASYNC_ID, 'node:http · bare async host (no checks)', 'ceiling', 'http/servers/bare-async-host'),
  tsgiApp('tsgi-async', 'tsgi · raw async app', 'http/apps/raw-async', ['--interface', 'async']),
  tsgiApp('tsgi-sync', 'tsgi · raw sync app', 'http/apps/raw-sync', ['--interface', 'sync']),
  tsgiApp('tsgi-router-async', 'tsgi · @tsgi/router, async', 'http/apps/router-async', ['--interface', 'async'], { packages: [ROUTER] }),
  tsgiApp('tsgi-router-sync', 'tsgi · @tsgi/router, sync', 'http/apps/router-sync', ['--interface', 'sync'], { packages: [ROUTER] }),
  tsgiApp('tsgi-sync-threads', 'tsgi · raw sync app, --threads 2', 'http/apps/raw-sync', ['--interface', 'sync', '--threads', '2'], {
    flags: ['--threads'],
  }),
  nodeServer('fastify', 'fastify', 'peer', 'http/servers/fastify'),
  nodeServer('express', 'express', 'peer', 'http/servers/express'),
  nodeServer('hono', 'hono · @hono/node-server', 'peer', 'http/servers/hono'),
  nodeServer('h3', 'h3 · toNodeListener', 'peer', 'http/servers/h3'),
  gunicorn,
  uvicorn,
];
