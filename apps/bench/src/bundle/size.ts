// Bundle size: the package's main entry bundled by esbuild, minified, then gzipped — what a user who
// bundles it ships. Node's builtins stay external (they cost nothing to ship).
import { builtinModules } from 'node:module';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BENCH_DIR } from '../paths.js';
import { MEASURED_PACKAGES, type MeasuredPackage } from './packages.js';

/** Sizes in bytes. */
export interface BundleSize {
  minified: number;
  gzipped: number;
}

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const TSGI_PACKAGES = MEASURED_PACKAGES.filter((pkg) => pkg.kind === 'tsgi').map((pkg) => pkg.name);

/**
 * The entry esbuild bundles: every export kept (a namespace import stored globally), or only some.
 *
 * @example
 * entrySource('@tsgi/router', ['createRouter']); // "import { createRouter } from '@tsgi/router';\nglobalThis.__bench = [createRouter];\n"
 */
export function entrySource(name: string, only?: readonly string[]): string {
  return only
    ? `import { ${only.join(', ')} } from '${name}';\nglobalThis.__bench = [${only.join(', ')}];\n`
    : `import * as m from '${name}';\nglobalThis.__bench = m;\n`;
}

/**
 * Bundles the package's entry and measures it. `ownOnly` leaves the other @tsgi packages external, to
 * show a package's own share.
 */
export async function bundleSize(pkg: MeasuredPackage, ownOnly = false): Promise<BundleSize> {
  const { name, platform } = pkg;
  const result = await build({
    stdin: { contents: entrySource(name, pkg.only), resolveDir: BENCH_DIR, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: 'es2022',
    // 'neutral' has no default main fields; prefer ESM builds on both platforms alike.
    mainFields: ['module', 'main'],
    conditions: ['import'],
    external: [...NODE_BUILTINS, ...(ownOnly ? TSGI_PACKAGES.filter((other) => other !== name) : [])],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array(0);
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}
