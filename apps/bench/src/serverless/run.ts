// Times every Lambda adapter on the shared events, in-process, each in its own worker.
import { runMicro, type MicroContenderResult } from '../micro/run-micro.js';
import type { RunContext } from '../suite.js';
import { LAMBDA_CONTENDERS } from './contenders.js';
import { LAMBDA_GROUPS, type LambdaGroup } from './event.js';

/** The serverless suite's results. */
export interface ServerlessResults {
  samples: number;
  sampleMs: number;
  groups: Array<{ id: LambdaGroup; title: string }>;
  contenders: MicroContenderResult[];
}

/** Runs the serverless suite. */
export async function runServerless(ctx: RunContext): Promise<ServerlessResults> {
  const { serverless: profile } = ctx.profile;
  const contenders = await runMicro(ctx, 'serverless', LAMBDA_CONTENDERS, profile);
  return {
    samples: profile.samples,
    sampleMs: profile.sampleMs,
    groups: (Object.keys(LAMBDA_GROUPS) as LambdaGroup[]).map((id) => ({ id, title: LAMBDA_GROUPS[id].title })),
    contenders,
  };
}
