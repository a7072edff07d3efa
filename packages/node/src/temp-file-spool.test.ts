import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempFileSpool } from './temp-file-spool.js';

let directory = '';
afterEach(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe('createTempFileSpool', () => {
  it('gives the written bytes back as tsgi.input and leaves no file behind', async () => {
    directory = await mkdtemp(join(tmpdir(), 'tsgi-spool-test-'));
    const spool = await createTempFileSpool({ directory })();
    await spool.write(new TextEncoder().encode('first line\n'));
    await spool.write(new Uint8Array(100_000).fill(0x61));
    // Unlinked once open: a crash cannot leave the body on disk.
    expect(readdirSync(directory)).toEqual([]);
    const input = await spool.toInput();
    expect(new TextDecoder().decode(input.readline())).toBe('first line\n');
    expect(input.read().byteLength).toBe(100_000);
    expect(input.read().byteLength).toBe(0);
    await spool.close();
    await spool.close();
  });
});
