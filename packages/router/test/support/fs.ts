// File-system adapters over node:fs, as an app on Node would write them (docs/router.md: "Files").
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { AsyncFileSystem, FileStat, FileSystem } from '../../src/files/index.js';

const toStat = (s: { size: number; mtime: Date; isDirectory(): boolean }): FileStat => ({ size: s.size, mtime: s.mtime, isDirectory: s.isDirectory() });

/** Sync: reads in 64 KiB chunks so a large file never sits in memory whole. */
export const nodeFs: FileSystem = {
  stat(path) {
    try {
      return toStat(statSync(path));
    } catch {
      return null;
    }
  },
  *read(path, start, end) {
    const fd = openSync(path, 'r');
    try {
      for (let pos = start; pos < end; ) {
        const chunk = new Uint8Array(Math.min(65536, end - pos));
        const n = readSync(fd, chunk, 0, chunk.length, pos);
        if (n === 0) break;
        pos += n;
        yield chunk.subarray(0, n);
      }
    } finally {
      closeSync(fd);
    }
  },
};

/** Async: node:fs/promises, for the async interface. */
export const nodeFsAsync: AsyncFileSystem = {
  async stat(path) {
    try {
      return toStat(await stat(path));
    } catch {
      return null;
    }
  },
  async *read(path, start, end) {
    const handle = await open(path, 'r');
    try {
      for (let pos = start; pos < end; ) {
        const chunk = new Uint8Array(Math.min(65536, end - pos));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, pos);
        if (bytesRead === 0) break;
        pos += bytesRead;
        yield chunk.subarray(0, bytesRead);
      }
    } finally {
      await handle.close();
    }
  },
};
