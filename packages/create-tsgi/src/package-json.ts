// The new project's package.json: templates/base/package.json with the target's laid over it.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ScaffoldError } from './errors.js';
import { MESSAGES } from './messages.js';

/** The fields create-tsgi reads and writes; any other field passes through untouched. */
export interface PackageJson {
  name?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  overrides?: Record<string, string>;
  pnpm?: { overrides?: Record<string, string> };
  [field: string]: unknown;
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies'] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Lays `over` on `base`: objects merge key by key, anything else is replaced. */
export function mergeJson(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = merged[key];
    merged[key] = isObject(current) && isObject(value) ? mergeJson(current, value) : value;
  }
  return merged;
}

const sorted = (record: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

/**
 * Replaces each `workspace:^` placeholder with the released range from `versions`, and sorts the
 * dependency lists.
 *
 * @example
 * pinTsgiVersions({ dependencies: { '@tsgi/router': 'workspace:^' } }, { '@tsgi/router': '^0.3.0' });
 * // { dependencies: { '@tsgi/router': '^0.3.0' } }
 */
export function pinTsgiVersions(manifest: PackageJson, versions: Record<string, string>): PackageJson {
  const pinned: PackageJson = { ...manifest };
  for (const field of DEPENDENCY_FIELDS) {
    const deps = manifest[field];
    if (!deps) continue;
    pinned[field] = sorted(
      Object.fromEntries(
        Object.entries(deps).map(([name, range]) => {
          const released = versions[name];
          if (range.startsWith('workspace:') && released === undefined) throw new Error(`create-tsgi: no released version known for ${name}`);
          return [name, range.startsWith('workspace:') ? (released as string) : range];
        }),
      ),
    );
  }
  return pinned;
}

// pnpm pack names @tsgi/aws-lambda 0.3.0 `tsgi-aws-lambda-0.3.0.tgz`.
const TARBALL = /^tsgi-(.+)-(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.tgz$/;

/** The `@tsgi/*` tarballs in a folder, by package name. */
export function findTarballs(directory: string): Map<string, string> {
  let entries: string[];
  try {
    entries = readdirSync(directory);
  } catch (error) {
    throw new ScaffoldError(MESSAGES.noTarballs(directory, (error as NodeJS.ErrnoException).code ?? String(error)), { code: 'tarballs', cause: error });
  }
  const found = new Map<string, string>();
  for (const entry of entries) {
    const match = TARBALL.exec(entry);
    if (match) found.set(`@tsgi/${match[1] ?? ''}`, resolve(directory, entry));
  }
  if (found.size === 0) throw new ScaffoldError(MESSAGES.noTarballs(directory, 'no tsgi-*.tgz files there'), { code: 'tarballs' });
  return found;
}

/**
 * Points every `@tsgi/*` dependency at a local tarball (`file:`), and overrides the transitive ones
 * too (npm's `overrides`, pnpm's `pnpm.overrides`), so unreleased packages install as they will ship.
 */
export function useTarballs(manifest: PackageJson, directory: string): PackageJson {
  const tarballs = findTarballs(directory);
  const local = (name: string): string => {
    const path = tarballs.get(name);
    if (path === undefined) throw new ScaffoldError(MESSAGES.missingTarball(name, directory), { code: 'tarballs' });
    return `file:${path}`;
  };
  const result: PackageJson = { ...manifest };
  for (const field of DEPENDENCY_FIELDS) {
    const deps = manifest[field];
    if (!deps) continue;
    result[field] = Object.fromEntries(Object.entries(deps).map(([name, range]) => [name, name.startsWith('@tsgi/') ? local(name) : range]));
  }
  // npm requires an override of a direct dependency to equal its spec: both are the same file: path.
  const overrides = sorted(Object.fromEntries([...tarballs.keys()].map((name) => [name, local(name)])));
  result.overrides = { ...manifest.overrides, ...overrides };
  result.pnpm = { ...manifest.pnpm, overrides: { ...manifest.pnpm?.overrides, ...overrides } };
  return result;
}

