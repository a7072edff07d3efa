// The core's size budget (issue 3: at most 8 kB min+gzip), measured as apps/bench does, and the proof
// that the opt-in entries stay out of it (scripts/size.ts; `pnpm --filter @tsgi/router size` prints it).
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bundle, CORE_BUDGET, measure, MEASURES } from '../scripts/size.js';

const text = async (code: string) => new TextDecoder().decode(await bundle(code));

describe('bundle size', () => {
  it(`keeps the core (import { createRouter }) within ${CORE_BUDGET} B min+gzip`, async () => {
    expect((await measure(MEASURES.core)).gzipped).toBeLessThanOrEqual(CORE_BUDGET);
  });

  it('leaves the WebSocket socket, form parsing and cookie setting to their entries', async () => {
    const core = await text(MEASURES.core);
    // A string only each opt-in's code holds: present with the entry, absent from the core.
    const markers = { websocket: 'websocket.accept', forms: 'multipart/form-data', cookies: 'Max-Age' } as const;
    for (const [entry, marker] of Object.entries(markers) as Array<[keyof typeof markers, string]>) {
      expect(await text(MEASURES[entry])).toContain(marker);
      expect(core).not.toContain(marker);
    }
  });

  it('prints every measure through `pnpm --filter @tsgi/router size` (tsx scripts/size.ts)', async () => {
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [tsx, 'scripts/size.ts'], { cwd, timeout: 60_000 });
    expect(stdout).toMatch(/^core +\d+ B min\+gzip/m);
    expect(stdout).toMatch(/^websocket .*\(\+\d+ B over core\)$/m);
    expect(stdout).toContain(`core budget ${CORE_BUDGET} B: met`);
  }, 60_000);
});
