// public/ held in memory, for platforms without a file system (Workers) and single-file bundles.
import type { PublicFiles } from './public-files.js';

const ROOT = '/public';

/**
 * A file-system adapter over a map of names to contents. Every file gets the time this was called
 * as its modification time, so ETags change with each deployment.
 *
 * @example
 * memoryFiles({ 'index.html': '<!doctype html>…' }).fs.stat('/public/index.html'); // { size: 15, … }
 */
export function memoryFiles(files: Record<string, string | Uint8Array>): PublicFiles {
  const encoder = new TextEncoder();
  const loaded = Date.now();
  const bytes = new Map<string, Uint8Array>();
  for (const [name, content] of Object.entries(files)) bytes.set(`${ROOT}/${name}`, typeof content === 'string' ? encoder.encode(content) : content);
  return {
    root: ROOT,
    fs: {
      stat: (path) => {
        if (path === ROOT) return { size: 0, isDirectory: true };
        const found = bytes.get(path);
        return found ? { size: found.length, mtime: loaded } : null;
      },
      read: (path, start, end) => (bytes.get(path) ?? new Uint8Array()).subarray(start, end),
    },
  };
}
