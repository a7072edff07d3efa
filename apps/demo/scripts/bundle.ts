// Bundles one entry into a single ES module: Workers, Deno and Bun with the page's files compiled in
// (what you deploy, and what the tests run on the real runtimes); Lambda for Node 20, reading public/
// from DEMO_PUBLIC_DIR.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/** The entries that run from a bundle. */
export type BundleTarget = 'workers' | 'deno' | 'bun' | 'lambda';

const PLATFORMS = { workers: 'browser', deno: 'neutral', bun: 'neutral', lambda: 'node' } as const;
const CONDITIONS: Record<BundleTarget, string[]> = {
  workers: ['workerd', 'worker', 'import'],
  deno: ['import'],
  bun: ['import'],
  lambda: ['node', 'import'],
};

/** The demo's folder. */
export const DEMO_DIR = fileURLToPath(new URL('../', import.meta.url));

// Bun and Deno read `import x from './a.html' with { type: 'text' }` themselves; esbuild needs this.
const textImports: Plugin = {
  name: 'text-imports',
  setup(context) {
    context.onLoad({ filter: /.*/ }, async (args) =>
      args.with.type === 'text' ? { contents: await readFile(args.path, 'utf8'), loader: 'text' } : undefined,
    );
  },
};

/**
 * Writes `src/entries/<target>.ts`, bundled, to `outfile` (ESM, ES2022). Workers get the `workerd`
 * and `worker` export conditions, Lambda node's, Deno and Bun the neutral ones.
 *
 * @example
 * await bundle('workers', 'dist/workers.js'); // then: wrangler deploy --no-bundle dist/workers.js
 */
export async function bundle(target: BundleTarget, outfile: string): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL(`../src/entries/${target}.ts`, import.meta.url))],
    outfile,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: PLATFORMS[target],
    mainFields: ['module', 'main'],
    conditions: CONDITIONS[target],
    plugins: [textImports],
    logLevel: 'error',
  });
}
