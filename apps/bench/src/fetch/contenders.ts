// The fetch contenders: a native handler, a bare async adapter and @tsgi/fetch, each on Bun and on
// Deno. Each entry is bundled with esbuild into one file first (how such apps are deployed), so the
// runtime resolves no packages at start.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { HttpContender } from '../http/contender.js';
import { pendingReason } from '../env/workspace.js';
import { distFile } from '../paths.js';

const BUNDLE_DIR = join(tmpdir(), 'tsgi-bench-fetch');

async function bundle(entry: string): Promise<string> {
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const outfile = join(BUNDLE_DIR, `${entry.replace(/\//g, '-')}.mjs`);
  await build({
    entryPoints: [distFile(entry)],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** What each entry is called in the report, and how it is drawn. */
const ENTRIES = {
  native: { name: 'native fetch handler', kind: 'ceiling' },
  // The async contract's own cost: the same app as tsgi behind the least code an adapter needs.
  bare: { name: 'bare async adapter (no checks)', kind: 'ceiling' },
  tsgi: { name: '@tsgi/fetch · raw async app', kind: 'tsgi' },
} as const;

function fetchContender(runtime: 'bun' | 'deno', entry: keyof typeof ENTRIES): HttpContender {
  const bundles = new Map<string, string>();
  return {
    id: `${runtime}-${entry}`,
    label: `${runtime === 'bun' ? 'Bun' : 'Deno'} · ${ENTRIES[entry].name}`,
    kind: ENTRIES[entry].kind,
    // Also bundles the entry: a contender that cannot be bundled cannot run.
    async unavailable(tools) {
      if (tools[runtime] == null) return `not installed: ${runtime} (pnpm install puts it in packages/fetch/node_modules/.bin)`;
      if (entry === 'tsgi') {
        const pending = await pendingReason('@tsgi/fetch', runtime === 'bun' ? ['toBunServe'] : ['toDenoHandler']);
        if (pending) return pending;
      }
      bundles.set(entry, await bundle(`fetch/entries/${entry}`));
      return null;
    },
    command(tools, port) {
      const file = bundles.get(entry) as string;
      const binary = tools[runtime] as string;
      return runtime === 'bun'
        ? { file: binary, args: [file, String(port)] }
        : { file: binary, args: ['run', '--allow-net=127.0.0.1', '--allow-env', '--no-prompt', file, String(port)] };
    },
  };
}

/** All fetch contenders, per runtime: native, bare, tsgi. */
export const FETCH_CONTENDERS: readonly HttpContender[] = [
  fetchContender('bun', 'native'),
  fetchContender('bun', 'bare'),
  fetchContender('bun', 'tsgi'),
  fetchContender('deno', 'native'),
  fetchContender('deno', 'bare'),
  fetchContender('deno', 'tsgi'),
];
