// The README's example, run as written (STYLE.md: every command in docs is run by a test).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it, vi } from 'vitest';

it('runs the README example and prints what it says', async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const example = /## A minimal app, tested in memory\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(example).toBeDefined();
  // The example imports '@tsgi/sync'; point it at this package's source so no build is needed first.
  const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'tsgi-sync-readme-'));
  try {
    const file = join(dir, 'example.ts');
    writeFileSync(file, (example ?? '').replace("from '@tsgi/sync'", `from ${JSON.stringify(entry)}`));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await import(/* @vite-ignore */ file);
    expect(log).toHaveBeenCalledWith('200 OK', 'Hello, café!\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
