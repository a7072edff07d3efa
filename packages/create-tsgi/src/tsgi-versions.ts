// The @tsgi version ranges a new project depends on: the ones this create-tsgi was released with.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

interface Manifest {
  version: string;
  devDependencies?: Record<string, string>;
}

const readManifest = (path: string): Manifest => JSON.parse(readFileSync(path, 'utf8')) as Manifest;

/**
 * `{ '@tsgi/router': '^0.3.0', ... }`. create-tsgi lists the template packages as devDependencies
 * with `workspace:^`, which `pnpm pack` and `pnpm publish` turn into `^<their version>`; run from the
 * repository, the range is read from the workspace package itself.
 */
export function tsgiVersions(): Record<string, string> {
  const own = readManifest(join(PACKAGE_ROOT, 'package.json'));
  const require = createRequire(join(PACKAGE_ROOT, 'package.json'));
  const ranges: Record<string, string> = {};
  for (const [name, range] of Object.entries(own.devDependencies ?? {})) {
    if (!name.startsWith('@tsgi/')) continue;
    ranges[name] = range.startsWith('workspace:')
      ? `^${readManifest(require.resolve(`${name}/package.json`)).version}`
      : range;
  }
  return ranges;
}
