import type { Batch } from '../micro/micro.js';
import type { Lookup } from './routes.js';

/**
 * A batch that cycles through the lookups, counting results that are not null into its return value
 * (the sink), so the lookups cannot be optimised away.
 *
 * @example
 * const batch = lookupBatch(router.lookup, LOOKUPS.param);
 * batch(1_000_000); // 1000000 when every lookup returns something
 */
export function lookupBatch(lookup: (method: string, path: string) => unknown, lookups: readonly Lookup[]): Batch {
  const methods = lookups.map((l) => l.method);
  const paths = lookups.map((l) => l.path);
  const count = lookups.length;
  return (iterations) => {
    let sink = 0;
    let j = 0;
    for (let i = 0; i < iterations; i++) {
      if (lookup(methods[j] as string, paths[j] as string) != null) sink++;
      if (++j === count) j = 0;
    }
    return sink;
  };
}
