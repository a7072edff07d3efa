// Whether a tsgi package is built and exports what a contender needs. Packages land while the harness
// exists, so a contender whose package is missing is reported as pending, with the reason.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR } from '../paths.js';

/** The folder a dependency of apps/bench resolves to (pnpm links each direct dependency there). */
export function dependencyDir(name: string): string {
  return join(BENCH_DIR, 'node_modules', name);
}

/** The ESM entry of a built tsgi package, or null when it is not built. */
export function builtEntry(name: string): string | null {
  const entry = join(dependencyDir(name), 'dist', 'index.js');
  return existsSync(entry) ? entry : null;
}

/**
 * Null when `name` is built and exports every name in `needs`; otherwise why not, worded for the report.
 *
 * @example
 * await pendingReason('@tsgi/router', ['createRouter']); // 'pending: @tsgi/router not built' (before it lands)
 */
export async function pendingReason(name: string, needs: readonly string[] = []): Promise<string | null> {
  const entry = builtEntry(name);
  if (entry == null) return `pending: ${name} not built`;
  const mod = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  const missing = needs.filter((key) => mod[key] === undefined);
  return missing.length > 0 ? `pending: ${name} does not export ${missing.join(', ')} yet` : null;
}

/** Loads a built tsgi package (call pendingReason first). */
export async function loadPackage<T>(name: string): Promise<T> {
  const entry = builtEntry(name);
  if (entry == null) throw new Error(`${name} is not built: run pnpm turbo run build --filter=${name}...`);
  return (await import(pathToFileURL(entry).href)) as T;
}

/** A workspace package's version from its package.json. */
export function workspaceVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(join(dependencyDir(name), 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}
