// tsgi.file_wrapper for node: file ranges read in blocks when a body must be iterated.
import { createFileWrapperFactory, type FileWrapperFactory } from '@tsgi/sync';
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * The `tsgi.file_wrapper` this host offers (docs/spec/sync.md §6.4). A path is opened when the body
 * is iterated and closed when iteration ends or is abandoned; a descriptor is left to its owner.
 *
 * @example
 * environ['tsgi.file_wrapper']('/srv/report.pdf', 65536);
 */
export const nodeFileWrapper: FileWrapperFactory = createFileWrapperFactory(function* (file, { offset, count, blockSize }) {
  const fd = typeof file === 'number' ? file : openSync(file, 'r');
  try {
    let position = offset;
    let remaining = count ?? Infinity;
    while (remaining > 0) {
      const buffer = new Uint8Array(Math.min(blockSize, remaining));
      const n = readSync(fd, buffer, 0, buffer.byteLength, position);
      if (n === 0) return;
      position += n;
      remaining -= n;
      yield buffer.subarray(0, n);
    }
  } finally {
    if (typeof file !== 'number') closeSync(fd);
  }
});
