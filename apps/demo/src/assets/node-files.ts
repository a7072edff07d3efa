// public/ read from disk with node:fs: Node (tsgi serve, Express, Lambda), and Deno or Bun running
// the source. Edits to public/ show on the next request.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PublicFiles } from './public-files.js';

/** The demo's public/ folder, next to src/. */
export const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

/**
 * A synchronous file-system adapter over `dir` (works through both interfaces).
 *
 * @default dir PUBLIC_DIR (also when `dir` is undefined or empty)
 * @example
 * router.get('/*', staticFiles(nodeFiles()));
 */
export function nodeFiles(dir?: string): PublicFiles {
  dir ||= PUBLIC_DIR;
  return {
    root: dir,
    fs: {
      stat: (path) => {
        const stat = statSync(path, { throwIfNoEntry: false });
        return stat ? { size: stat.size, mtime: stat.mtime, isDirectory: stat.isDirectory() } : null;
      },
      read: (path, start, end) => readFileSync(path).subarray(start, end),
    },
  };
}
