// A SpoolFactory over temporary files, for syncToAsync: big request bodies wait on disk, not in memory.
import type { Spool, SpoolFactory } from '@tsgi/async';
import { createInputStream } from '@tsgi/sync';
import { randomUUID } from 'node:crypto';
import { readSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Options of {@link createTempFileSpool}. */
export interface TempFileSpoolOptions {
  /** Where the files go. @default os.tmpdir() */
  directory?: string;
}

/**
 * Spools each body to its own temp file (mode 0600), read back synchronously as `tsgi.input`. The
 * file is unlinked as soon as it is open, so even a crash leaves nothing behind; `close()` releases it.
 *
 * @example
 * syncToAsync(app, { spool: createTempFileSpool(), spoolThreshold: 1 << 20 });
 */
export function createTempFileSpool(options: TempFileSpoolOptions = {}): SpoolFactory {
  return async (): Promise<Spool> => {
    const path = join(options.directory ?? tmpdir(), `tsgi-body-${randomUUID()}`);
    const handle = await open(path, 'wx+', 0o600);
    // POSIX keeps an unlinked file readable through its descriptor; Windows refuses, so close() retries.
    const unlinked = await rm(path).then(() => true, () => false);
    let size = 0;
    let closed = false;
    return {
      async write(chunk) {
        await handle.write(chunk, 0, chunk.byteLength, size);
        size += chunk.byteLength;
      },
      toInput() {
        let position = 0;
        return createInputStream(
          (max) => {
            const buffer = new Uint8Array(Math.min(max, 65536));
            const n = readSync(handle.fd, buffer, 0, buffer.byteLength, position);
            position += n;
            return n === 0 ? null : buffer.subarray(0, n);
          },
          { contentLength: size },
        );
      },
      async close() {
        if (closed) return;
        closed = true;
        await handle.close();
        if (!unlinked) await rm(path, { force: true });
      },
    };
  };
}
