// Where things are. This file sits in src/ (tests) or dist/ (runs), one level below apps/bench either way.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/bench. */
export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root. */
export const REPO_DIR = resolve(BENCH_DIR, '..', '..');
/** Compiled harness files (server entries are spawned from here). */
export const DIST_DIR = join(BENCH_DIR, 'dist');
/** The wrk Lua scripts. */
export const LUA_DIR = join(BENCH_DIR, 'lua');
/** The Python WSGI/ASGI apps for gunicorn and uvicorn. */
export const PYTHON_DIR = join(BENCH_DIR, 'python');
/** The report and its charts. */
export const DOCS_DIR = join(REPO_DIR, 'docs');

/**
 * The compiled path of a harness file, given its path under src/ without extension.
 *
 * @example
 * distFile('http/servers/node-http'); // '/…/apps/bench/dist/http/servers/node-http.js'
 */
export function distFile(name: string): string {
  return join(DIST_DIR, `${name}.js`);
}
