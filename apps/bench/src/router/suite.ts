import type { Suite } from '../suite.js';
import { ROUTER_ADAPTERS } from './adapters.js';
import { renderRouter } from './render.js';
import { runRouter, type RouterResults } from './run.js';

/** Route matching speed against find-my-way and hono's routers. */
export const routerSuite: Suite<RouterResults> = {
  id: 'router',
  title: 'Router matching',
  run: (ctx) => runRouter(ctx, ROUTER_ADAPTERS),
  render: renderRouter,
};
