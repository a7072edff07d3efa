import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { built, type RouterAdapter } from '../adapter.js';

/** find-my-way, fastify's router: `find(method, path)`. */
export const findMyWay: RouterAdapter = {
  id: 'find-my-way',
  label: 'find-my-way',
  kind: 'peer',
  unavailable: () => Promise.resolve(null),
  build: (routes) =>
    built(() => {
      const router = FindMyWay();
      for (const route of routes) {
        router.on(route.method as HTTPMethod, route.pattern, () => undefined, { pattern: route.pattern });
      }
      return {
        lookup: (method, path) => router.find(method as HTTPMethod, path),
        describe(result) {
          const found = result as { store: { pattern: string }; params: Record<string, string | undefined> } | null;
          if (found == null) return null;
          return { pattern: found.store.pattern, params: Object.values(found.params).map(String) };
        },
        capturesWildcard: true,
      };
    }),
};
