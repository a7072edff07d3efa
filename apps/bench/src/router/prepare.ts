// The router suite's side of a micro-benchmark worker: build one router, check it, one batch per
// lookup group.
import type { Prepared } from '../micro/subject.js';
import { ROUTER_ADAPTERS } from './adapters.js';
import { lookupBatch } from './batch.js';
import { checkRouter } from './check.js';
import { LOOKUPS, ROUTES, type LookupGroup } from './routes.js';

/** Prepares router `id` inside a worker. */
export async function prepareRouter(id: string): Promise<Prepared> {
  const adapter = ROUTER_ADAPTERS.find((a) => a.id === id);
  if (adapter == null) return { problem: `unknown router ${id}` };
  let router;
  try {
    router = await adapter.build(ROUTES);
  } catch (error) {
    return { problem: `cannot hold the table: ${error instanceof Error ? error.message : String(error)}` };
  }
  const groups = Object.keys(LOOKUPS) as LookupGroup[];
  const problem = checkRouter(router, groups.flatMap((group) => LOOKUPS[group]));
  if (problem) return { problem };
  return { problem: null, batches: Object.fromEntries(groups.map((group) => [group, lookupBatch(router.lookup, LOOKUPS[group])])) };
}
