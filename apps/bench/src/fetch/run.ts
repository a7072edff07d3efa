import { runPaired } from '../http/paired.js';
import { runHttp, type HttpResults } from '../http/run.js';
import { SCENARIOS } from '../http/scenarios.js';
import type { RunContext } from '../suite.js';
import { FETCH_CONTENDERS } from './contenders.js';

/** The scenarios the fetch suite runs (the native handlers implement these). */
export const FETCH_SCENARIOS = SCENARIOS.filter((s) => s.id === 'plaintext' || s.id === 'json' || s.id === 'param');

/** Runs the fetch suite: wrk against Bun and Deno, native handler vs @tsgi/fetch, then paired bursts. */
export async function runFetch(ctx: RunContext): Promise<HttpResults> {
  const { fetch } = ctx.profile;
  const results = await runHttp(ctx, FETCH_CONTENDERS, { scenarios: FETCH_SCENARIOS, ...fetch });
  ctx.log('fetch: paired plaintext bursts for the target');
  results.paired = await runPaired(ctx, FETCH_CONTENDERS, ctx.profile.paired, { scenario: 'plaintext', checked: FETCH_SCENARIOS });
  return results;
}
