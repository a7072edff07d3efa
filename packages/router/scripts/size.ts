// How many bytes @tsgi/router costs a user who bundles it, measured as apps/bench does: esbuild bundles a
// one-line module that imports the entry (ESM, es2022, platform neutral, minified), the spec packages
// (@tsgi/*) stay external, and the output is gzipped at level 9. `core` is `import { createRouter }`;
// each opt-in entry is measured beside it, so its number is what importing it adds.
//
//   pnpm --filter @tsgi/router size          # from the sources
//   pnpm --filter @tsgi/router size --dist   # from the built dist/ (run `build` first)
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

/** Bytes of one bundle. */
export interface Size {
  minified: number;
  gzipped: number;
}

/** What is measured: the module a user writes, and the entries it may import. */
export const MEASURES = {
  core: "import { createRouter } from '@tsgi/router';",
  websocket: "import { createRouter } from '@tsgi/router'; import { websocket } from '@tsgi/router/websocket';",
  forms: "import { createRouter } from '@tsgi/router'; import { forms } from '@tsgi/router/forms';",
  cookies: "import { createRouter } from '@tsgi/router'; import { setCookie, clearCookie } from '@tsgi/router/cookies';",
  files: "import { createRouter } from '@tsgi/router'; import { file, staticFiles } from '@tsgi/router/files';",
  everything: "import * as router from '@tsgi/router'; import * as ws from '@tsgi/router/websocket'; import * as fm from '@tsgi/router/forms'; import * as ck from '@tsgi/router/cookies'; import * as fl from '@tsgi/router/files';",
} as const;

/** The core's budget (issue 3): 8 kB min+gzip. */
export const CORE_BUDGET = 8000;

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// '@tsgi/router' and '@tsgi/router/x' → the entry's source (src/x/index.ts) or its built ESM file.
const routerEntries = (from: 'src' | 'dist'): Plugin => ({
  name: 'tsgi-router-entries',
  setup(b) {
    b.onResolve({ filter: /^@tsgi\/router(\/[a-z]+)?$/ }, ({ path }) => {
      const sub = path.slice('@tsgi/router'.length);
      return { path: `${ROOT}${from}${sub}/index.${from === 'src' ? 'ts' : 'js'}` };
    });
  },
});

/** Bundles `code` (an ES module importing router entries) as a user would ship it. */
export async function bundle(code: string, from: 'src' | 'dist' = 'src'): Promise<Uint8Array> {
  // Every import is kept alive, as a user's code that calls them would.
  const names = [...code.matchAll(/import (?:\* as (\w+)|\{ ([^}]+) \})/g)].flatMap((m) => (m[1] ?? m[2] ?? '').split(',').map((n) => n.trim()));
  const result = await build({
    stdin: { contents: `${code}\nglobalThis.__keep = [${names.join(', ')}];\n`, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    external: ['@tsgi/sync', '@tsgi/async'],
    plugins: [routerEntries(from)],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.contents ?? new Uint8Array(0);
}

/** The bundle's size, minified and gzipped at level 9. */
export async function measure(code: string, from: 'src' | 'dist' = 'src'): Promise<Size> {
  const output = await bundle(code, from);
  return { minified: output.byteLength, gzipped: gzipSync(output, { level: 9 }).byteLength };
}

/** Every measure, with each opt-in's cost over the core. */
export async function measureAll(from: 'src' | 'dist' = 'src'): Promise<Record<keyof typeof MEASURES, Size & { added: number }>> {
  const out = {} as Record<keyof typeof MEASURES, Size & { added: number }>;
  for (const [name, code] of Object.entries(MEASURES) as Array<[keyof typeof MEASURES, string]>) out[name] = { ...(await measure(code, from)), added: 0 };
  for (const row of Object.values(out)) row.added = row.gzipped - out.core.gzipped;
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const from = process.argv.includes('--dist') ? 'dist' : 'src';
  const sizes = await measureAll(from);
  console.log(`@tsgi/router bundle sizes from ${from}/ (esbuild minified, gzip -9, @tsgi/* external)`);
  for (const [name, { minified, gzipped, added }] of Object.entries(sizes)) {
    console.log(`${name.padEnd(11)} ${String(gzipped).padStart(6)} B min+gzip ${String(minified).padStart(7)} B min${name === 'core' ? '' : `   (+${added} B over core)`}`);
  }
  console.log(`core budget ${CORE_BUDGET} B: ${sizes.core.gzipped <= CORE_BUDGET ? 'met' : 'MISSED'}`);
}
