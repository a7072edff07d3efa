import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFiles } from './watch-files.js';
import { tempDirs } from '../../../test/support/temp-dirs.js';

const tempDir = tempDirs();

let close = (): void => undefined;
afterEach(() => close());

function watched(): { root: string; next: () => Promise<string> } {
  const root = tempDir('tsgi-watch-');
  mkdirSync(join(root, 'src'));
  mkdirSync(join(root, 'node_modules'));
  const changes: string[] = [];
  let wake = (): void => undefined;
  const watcher = watchFiles(root, (file) => {
    changes.push(file);
    wake();
  });
  close = () => watcher.close();
  const next = (): Promise<string> =>
    new Promise((resolve) => {
      const take = (): void => {
        const file = changes.shift();
        if (file !== undefined) resolve(file);
        else wake = take;
      };
      take();
    });
  return { root, next };
}

describe('watchFiles', () => {
  it('reports a change to a source file in a subfolder, once for a burst of writes', async () => {
    const { root, next } = watched();
    writeFileSync(join(root, 'src', 'app.ts'), 'one');
    writeFileSync(join(root, 'src', 'app.ts'), 'two');
    writeFileSync(join(root, 'src', 'routes.ts'), 'three');
    expect(await next()).toBe(join('src', 'app.ts'));
    // Only one report for the burst: the next one comes from the next change.
    writeFileSync(join(root, 'later.js'), 'x');
    expect(await next()).toBe('later.js');
  });

  it('ignores node_modules and files that are not code, and watches folders created later', async () => {
    const { root, next } = watched();
    writeFileSync(join(root, 'node_modules', 'dep.js'), 'x');
    writeFileSync(join(root, 'notes.txt'), 'x');
    mkdirSync(join(root, 'lib'));
    // Give the new folder's watcher a moment to attach before writing into it (bounded poll).
    for (let i = 0; i < 20; i++) {
      writeFileSync(join(root, 'lib', 'util.mjs'), String(i));
      const file = await Promise.race([next(), new Promise<null>((resolve) => setTimeout(() => resolve(null), 300))]);
      if (file !== null) {
        expect(file).toBe(join('lib', 'util.mjs'));
        return;
      }
    }
    throw new Error('no change reported for lib/util.mjs');
  });
});
