import type { Suite } from '../suite.js';
import { HTTP_CONTENDERS, PAIRED_IDS } from './contenders.js';
import { runPaired } from './paired.js';
import { renderHttp } from './render.js';
import { runHttp, type HttpResults } from './run.js';

/** HTTP throughput and latency against every peer server. */
export const httpSuite: Suite<HttpResults> = {
  id: 'http',
  title: 'HTTP',
  run: async (ctx) => {
    const results = await runHttp(ctx, HTTP_CONTENDERS);
    ctx.log('http: paired plaintext bursts for the targets');
    results.paired = await runPaired(ctx, HTTP_CONTENDERS.filter((c) => PAIRED_IDS.includes(c.id)), ctx.profile.paired);
    return results;
  },
  render: renderHttp,
};
