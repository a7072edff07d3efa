// The public packages of this workspace, as their package.json files describe them.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** A publishable package: its folder, name, and the subpaths its exports map offers. */
export interface PublicPackage {
  folder: string;
  name: string;
  version: string;
  /** '@tsgi/router', '@tsgi/router/testing', ... (never './package.json'). */
  entries: string[];
  bins: string[];
  peerDependencies: Record<string, string>;
}

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  exports?: Record<string, unknown>;
  bin?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** Every package under packages/ that is not private. */
export function publicPackages(): PublicPackage[] {
  const packagesDir = join(REPO_ROOT, 'packages');
  return readdirSync(packagesDir)
    .filter((folder) => existsSync(join(packagesDir, folder, 'package.json')))
    .map((folder) => ({ folder, manifest: JSON.parse(readFileSync(join(packagesDir, folder, 'package.json'), 'utf8')) as Manifest }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ folder, manifest }) => ({
      folder: join(packagesDir, folder),
      name: manifest.name,
      version: manifest.version,
      entries: Object.keys(manifest.exports ?? { '.': null })
        .filter((subpath) => subpath !== './package.json')
        .map((subpath) => (subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`)),
      bins: Object.keys(manifest.bin ?? {}),
      peerDependencies: manifest.peerDependencies ?? {},
    }));
}

/** pnpm pack's file name: @tsgi/router 0.3.0 → tsgi-router-0.3.0.tgz. */
export const tarballName = (pkg: PublicPackage): string => `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`;
