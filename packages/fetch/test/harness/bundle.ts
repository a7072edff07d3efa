// Bundles one runtime entry (probe apps + this adapter) into a single ESM file the runtime can run
// without a package manager or network: workerd, Deno and Bun each load it as a plain module.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Bundles `test/fixtures/<entry>.ts` and returns the output path. */
export async function bundleEntry(entry: string, platform: 'neutral' | 'browser' = 'neutral'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tsgi-fetch-'));
  const outfile = join(dir, `${entry}.mjs`);
  await build({
    entryPoints: [join(FIXTURES, `${entry}.ts`)],
    outfile,
    bundle: true,
    format: 'esm',
    platform,
    target: 'es2022',
    mainFields: ['module', 'main'],
    conditions: ['import'],
    logLevel: 'error',
  });
  return outfile;
}

/** Removes a bundle made by bundleEntry, with its temporary folder. */
export async function removeBundle(path: string): Promise<void> {
  await rm(dirname(path), { recursive: true, force: true });
}
