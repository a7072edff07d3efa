// Packs workspace packages the way they will be published (`pnpm pack`), for installs outside it.
import { fileURLToPath } from 'node:url';
import { expectSuccess, run } from './processes.js';

const PACKAGES_DIR = fileURLToPath(new URL('../../../../packages/', import.meta.url));

/** Packs each `@tsgi/<folder>` into `destination`; needs their dist/ built (turbo's ^build). */
export async function packWorkspacePackages(folders: readonly string[], destination: string): Promise<void> {
  await Promise.all(
    folders.map(async (folder) => {
      const result = await run('pnpm', ['pack', '--pack-destination', destination], { cwd: `${PACKAGES_DIR}${folder}`, env: process.env, timeoutMs: 60_000 });
      expectSuccess(`pnpm pack in packages/${folder}`, result);
    }),
  );
}
