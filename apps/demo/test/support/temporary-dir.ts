// A temporary folder for one test file's bundles, removed in afterAll.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder under the OS temp dir. @example const dir = await temporaryDir('bun'); dir.file('bun.js'); */
export async function temporaryDir(label: string): Promise<{ path: string; file(name: string): string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `tsgi-demo-${label}-`));
  return { path, file: (name) => join(path, name), remove: () => rm(path, { recursive: true, force: true }) };
}
