// Every router contender, in report order.
import type { RouterAdapter } from './adapter.js';
import { findMyWay } from './adapters/find-my-way.js';
import { honoRegExp, honoSmart, honoTrie } from './adapters/hono.js';
import { tsgiRouter } from './adapters/tsgi.js';

/** The id ratios are taken against. */
export const ROUTER_BASELINE_ID = 'find-my-way';

/** All router contenders. */
export const ROUTER_ADAPTERS: readonly RouterAdapter[] = [tsgiRouter, findMyWay, honoRegExp, honoTrie, honoSmart];
