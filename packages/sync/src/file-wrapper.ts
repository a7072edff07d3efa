// tsgi.file_wrapper (docs/spec/sync.md §6.4): a body a server may send without copying through JS.
import type { FileWrapper, FileWrapperFactory } from './types.js';

// Symbol.for, so wrappers made by another copy of this package are still recognised.
const BRAND = Symbol.for('tsgi.file_wrapper');

/** Reads a file range in blocks, for a wrapper a server iterates instead of sending it directly. */
export type ReadFileBlocks = (file: string | number, range: { offset: number; count?: number; blockSize: number }) => Iterable<Uint8Array>;

/**
 * Builds a `tsgi.file_wrapper` factory. Its wrappers are branded so {@link isFileWrapper} (and startApp)
 * recognise them; `read` is used only when a server, or middleware, iterates one.
 *
 * @example
 * const fileWrapper = createFileWrapperFactory((file, { offset, count, blockSize }) => readBlocks(file, ...));
 * createEnviron({ ...request, fileWrapper });
 * // in an app: return environ['tsgi.file_wrapper']('/srv/big.iso');
 */
export function createFileWrapperFactory(read: ReadFileBlocks): FileWrapperFactory {
  return (file, blockSize = 65536, range = {}) => {
    const offset = range.offset ?? 0;
    const wrapper = {
      [BRAND]: true,
      file,
      blockSize,
      offset,
      ...(range.count === undefined ? {} : { count: range.count }),
      [Symbol.iterator]: () =>
        read(file, { offset, blockSize, ...(range.count === undefined ? {} : { count: range.count }) })[Symbol.iterator](),
    };
    return wrapper;
  };
}

/**
 * True for a wrapper made by a `tsgi.file_wrapper` factory. A server sends such a body directly; any other
 * iterable, including middleware's wrapper around one, it iterates (PEP 3333 "Optional Platform-Specific
 * File Handling").
 */
export function isFileWrapper(body: unknown): body is FileWrapper {
  return typeof body === 'object' && body !== null && (body as { [BRAND]?: unknown })[BRAND] === true;
}
