// @tsgi/fetch on Bun and Deno, through each runtime's own helper, running the raw async app of the HTTP
// suite.
import { toBunServe, toDenoHandler } from '@tsgi/fetch';
import { app } from '../../http/apps/raw-async.js';
import { detectRuntime, portArgument, type ServeHandler } from '../runtime-globals.js';

const runtime = detectRuntime();
const port = portArgument(runtime);
if (runtime.name === 'bun') {
  runtime.bun.serve({ port, hostname: '127.0.0.1', ...(toBunServe(app) as { fetch: ServeHandler; websocket?: unknown }) });
} else {
  runtime.deno.serve({ port, hostname: '127.0.0.1', onListen: () => undefined }, toDenoHandler(app));
}
