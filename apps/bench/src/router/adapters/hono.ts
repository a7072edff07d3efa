// hono's standalone routers. Their `match` returns every route that matches (hono runs them as a
// chain), in registration order; the first is the one that answers. RegExpRouter results carry param
// positions into a shared stash; TrieRouter results carry param objects.
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';
import { built, type Found, type RouterAdapter } from '../adapter.js';

type Handler = string;
type HonoResult = [Array<[Handler, Record<string, number | string>]>, string[]?];

function describeHono(result: unknown): Found | null {
  const [handlers, stash] = result as HonoResult;
  const first = handlers[0];
  if (first == null) return null;
  const [pattern, params] = first;
  return { pattern, params: Object.values(params).map((value) => (typeof value === 'number' ? String(stash?.[value]) : value)) };
}

/** The part of hono's Router interface the benchmark uses. */
interface HonoRouter {
  add(method: string, path: string, handler: Handler): void;
  match(method: string, path: string): unknown;
}

function honoAdapter(id: string, label: string, create: () => HonoRouter): RouterAdapter {
  return {
    id,
    label,
    kind: 'peer',
    unavailable: () => Promise.resolve(null),
    build: (routes) =>
      built(() => {
        const router = create();
        for (const route of routes) {
          try {
            router.add(route.method, route.pattern, route.pattern);
          } catch (error) {
            // RegExpRouter refuses some tables (a param beside static siblings, e.g. /gists/:id beside
            // /gists/public); hono's default SmartRouter then falls back to TrieRouter.
            const kind = error instanceof Error ? error.constructor.name : 'Error';
            throw new Error(`${kind} on ${route.method} ${route.pattern}; SmartRouter falls back to TrieRouter for such tables`, {
              cause: error,
            });
          }
        }
        return { lookup: (method, path) => router.match(method, path), describe: describeHono, capturesWildcard: false };
      }),
  };
}

/** hono's RegExpRouter: one compiled regular expression per method. */
export const honoRegExp = honoAdapter('hono-regexp', 'hono RegExpRouter', () => new RegExpRouter<Handler>());

/** hono's TrieRouter. */
export const honoTrie = honoAdapter('hono-trie', 'hono TrieRouter', () => new TrieRouter<Handler>());

/** What `new Hono()` uses: RegExpRouter when it can hold the table, else TrieRouter. */
export const honoSmart = honoAdapter(
  'hono-smart',
  'hono SmartRouter (the default)',
  () => new SmartRouter<Handler>({ routers: [new RegExpRouter<Handler>(), new TrieRouter<Handler>()] }),
);
