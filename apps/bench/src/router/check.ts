// Before a router is timed it must find the right route, with the right params, for every lookup:
// a router that is fast because it is wrong is not a result.
import type { BuiltRouter } from './adapter.js';
import type { Lookup } from './routes.js';

/**
 * Null when the router answers every lookup correctly, else the first wrong answer.
 *
 * @example
 * checkRouter(router, [{ method: 'GET', path: '/users/1', pattern: '/users/:user', params: ['1'] }]); // null
 */
export function checkRouter(router: BuiltRouter, lookups: readonly Lookup[]): string | null {
  for (const lookup of lookups) {
    const request = `${lookup.method} ${lookup.path}`;
    const found = router.describe(router.lookup(lookup.method, lookup.path));
    if (lookup.pattern == null) {
      if (found != null) return `${request} should match nothing, matched ${found.pattern}`;
      continue;
    }
    if (found == null) return `${request} should match ${lookup.pattern}, matched nothing`;
    if (found.pattern !== lookup.pattern) return `${request} should match ${lookup.pattern}, matched ${found.pattern}`;
    const expected = lookup.pattern.endsWith('*') && !router.capturesWildcard ? lookup.params.slice(0, -1) : lookup.params;
    if (found.params.join('\u0000') !== expected.join('\u0000')) {
      return `${request} should capture ${JSON.stringify(expected)}, captured ${JSON.stringify(found.params)}`;
    }
  }
  return null;
}
