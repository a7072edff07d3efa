import type { Suite } from '../suite.js';
import { HTTP_CONTENDERS } from './contenders.js';
import { renderHttp } from './render.js';
import { runHttp, type HttpResults } from './run.js';

/** HTTP throughput and latency against every peer server. */
export const httpSuite: Suite<HttpResults> = {
  id: 'http',
  title: 'HTTP',
  run: (ctx) => runHttp(ctx, HTTP_CONTENDERS),
  render: renderHttp,
};
