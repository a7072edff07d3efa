// --reload: watch the working directory's source files (not node_modules, .git, dist or hidden
// folders) and report changes, debounced so a save that writes several files reloads once.
import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { extname, join, relative } from 'node:path';

/** File types whose change reloads the app. */
export const WATCHED_EXTENSIONS: ReadonlySet<string> = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.tsx', '.jsx', '.json']);

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'coverage']);

/** Quiet time after the last change before reporting. */
export const DEBOUNCE_MS = 150;

/**
 * Watches `root` and its folders; calls `onChange` with the first changed file (relative to root)
 * once changes have been quiet for DEBOUNCE_MS.
 *
 * @example
 * const watcher = watchFiles(process.cwd(), (file) => supervisor.reload(file));
 * watcher.close();
 */
export function watchFiles(root: string, onChange: (file: string) => void): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let first: string | undefined;

  const changed = (folder: string, name: string | null, event: string): void => {
    if (name === null) return;
    // A new folder needs watchers of its own.
    if (event === 'rename') scan(folder);
    if (!WATCHED_EXTENSIONS.has(extname(name))) return;
    first ??= relative(root, join(folder, name));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const file = first ?? name;
      first = undefined;
      onChange(file);
    }, DEBOUNCE_MS);
  };

  const scan = (folder: string): void => {
    if (!watchers.has(folder)) {
      try {
        const watcher = watch(folder, (event, name) => changed(folder, name, event));
        watcher.on('error', () => forget(folder));
        watchers.set(folder, watcher);
      } catch {
        return; // Vanished or unreadable: nothing to watch.
      }
    }
    let entries: string[] = [];
    try {
      entries = readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name))
        .map((entry) => entry.name);
    } catch {
      return;
    }
    for (const name of entries) scan(join(folder, name));
  };

  const forget = (folder: string): void => {
    watchers.get(folder)?.close();
    watchers.delete(folder);
  };

  scan(root);
  return {
    close() {
      clearTimeout(timer);
      for (const folder of [...watchers.keys()]) forget(folder);
    },
  };
}
