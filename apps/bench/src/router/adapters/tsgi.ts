import { built, type RouterAdapter } from '../adapter.js';
import { loadPackage, pendingReason } from '../../env/workspace.js';

// The part of @tsgi/router the benchmark uses, declared here so the harness builds before the router
// exists; `router.match` is its public lookup (pattern and params, no request served).
interface RouterModule {
  createRouter: () => {
    on(method: string, path: string, handler: () => string): unknown;
    match(method: string, path: string): { pattern: string; params: Record<string, string> } | null;
  };
}

/** @tsgi/router: `router.match(method, path)`. */
export const tsgiRouter: RouterAdapter = {
  id: 'tsgi',
  label: '@tsgi/router',
  kind: 'tsgi',
  unavailable: () => pendingReason('@tsgi/router', ['createRouter']),
  async build(routes) {
    const { createRouter } = await loadPackage<RouterModule>('@tsgi/router');
    return built(() => {
      const router = createRouter();
      for (const route of routes) router.on(route.method, route.pattern, () => route.pattern);
      return {
        lookup: (method, path) => router.match(method, path),
        describe(result) {
          const found = result as ReturnType<typeof router.match>;
          return found && { pattern: found.pattern, params: Object.values(found.params) };
        },
        capturesWildcard: true,
      };
    });
  },
};
