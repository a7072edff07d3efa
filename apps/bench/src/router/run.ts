// Times every router on every lookup group, each in its own worker process (micro/run-micro.ts).
import { runMicro, type MicroContenderResult } from '../micro/run-micro.js';
import type { RunContext } from '../suite.js';
import type { RouterAdapter } from './adapter.js';
import { LOOKUPS, ROUTES, type LookupGroup } from './routes.js';

/** One router's results. */
export type RouterContenderResult = MicroContenderResult;

/** The router suite's results. */
export interface RouterResults {
  routes: number;
  samples: number;
  sampleMs: number;
  groups: Array<{ id: LookupGroup; lookups: number }>;
  contenders: RouterContenderResult[];
}

/** Runs the router suite. */
export async function runRouter(ctx: RunContext, adapters: readonly RouterAdapter[]): Promise<RouterResults> {
  const { router: profile } = ctx.profile;
  const contenders = await runMicro(ctx, 'router', adapters, profile);
  return {
    routes: ROUTES.length,
    samples: profile.samples,
    sampleMs: profile.sampleMs,
    groups: (Object.keys(LOOKUPS) as LookupGroup[]).map((id) => ({ id, lookups: LOOKUPS[id].length })),
    contenders,
  };
}
