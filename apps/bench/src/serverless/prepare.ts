// The serverless suite's side of a micro-benchmark worker: build one handler, check its answers to the
// shared events, then one batch per event that awaits the handler back to back.
import type { Batch } from '../micro/micro.js';
import type { Prepared } from '../micro/subject.js';
import { LAMBDA_CONTENDERS, type LambdaHandler } from './contenders.js';
import { CONTEXT, LAMBDA_GROUPS, type LambdaGroup } from './event.js';

interface Result {
  statusCode?: number;
  body?: string;
  isBase64Encoded?: boolean;
}

/** Null when a handler's result is a 200 with the expected body, else what is wrong. */
export function checkLambdaResult(result: unknown, body: string): string | null {
  const r = (result ?? {}) as Result;
  if (r.statusCode !== 200) return `status ${r.statusCode}, expected 200`;
  const text = r.isBase64Encoded ? Buffer.from(r.body ?? '', 'base64').toString('utf8') : (r.body ?? '');
  return text === body ? null : `body ${JSON.stringify(text.slice(0, 60))}, expected ${JSON.stringify(body)}`;
}

// Express behind either adapter runs several times slower for its first ~2,000 events (measured:
// 250-400 µs per event, then ~60-150 µs) while V8 optimises it; a warm-up of a fixed length ends
// inside that phase for a contender this slow, so every contender first handles this many events.
/** Events every contender handles, per group, before its timed warm-up. */
export const WARMUP_EVENTS = 5_000;

function eventBatch(handler: LambdaHandler, event: unknown): Batch {
  return async (iterations) => {
    let sink = 0;
    for (let i = 0; i < iterations; i++) sink += ((await handler(event, CONTEXT)) as Result).statusCode ?? 0;
    return sink;
  };
}

/** Prepares Lambda contender `id` inside a worker. */
export async function prepareServerless(id: string): Promise<Prepared> {
  const contender = LAMBDA_CONTENDERS.find((c) => c.id === id);
  if (contender == null) return { problem: `unknown Lambda contender ${id}` };
  const handler = await contender.build();
  const batches: Record<string, Batch> = {};
  for (const [group, { event, body, path }] of Object.entries(LAMBDA_GROUPS) as Array<[LambdaGroup, (typeof LAMBDA_GROUPS)[LambdaGroup]]>) {
    const wrong = checkLambdaResult(await handler(event, CONTEXT), body);
    if (wrong) return { problem: `wrong answer to GET ${path}: ${wrong}` };
    batches[group] = eventBatch(handler, event);
  }
  return { problem: null, batches, warmupOperations: WARMUP_EVENTS };
}
