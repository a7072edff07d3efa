// A file (or a range of one) as a response body: opened once, measured, then streamed in big reads
// that wait for the socket to drain. node:http has no sendfile(2); this is the fewest copies it allows.
import { close, fstat, open, read } from 'node:fs';
import { promisify } from 'node:util';
import { NODE_MESSAGES } from './messages.js';

const openFile = promisify(open);
const statFile = promisify(fstat);
const closeFile = promisify(close);
const readBlock = promisify(read);

/** Reads per chunk: large enough to keep syscalls few, small enough to bound memory per response. */
const READ_SIZE = 256 * 1024;

/** Which bytes to send: a path (opened and closed here) or a descriptor its owner keeps open. */
export interface FileRange {
  file: string | number;
  /** @default 0 */
  offset?: number;
  /** @default to the end of the file */
  count?: number;
}

/** An open file body. */
export interface FileBody {
  /** Bytes that will be sent; null when the file is not a regular file (a pipe, a device). */
  readonly length: number | null;
  /** The open descriptor and where the range starts in it, for hosts that send from a descriptor. */
  readonly fd: number;
  readonly offset: number;
  /** The bytes, each chunk read only when the previous one was taken. */
  chunks(): AsyncIterable<Buffer>;
  /** Closes a descriptor opened here; a caller's descriptor stays open. */
  close(): Promise<void>;
}

/**
 * Opens a file range for sending. Fails (ENOENT, EACCES, EISDIR …) before anything is sent.
 *
 * @example
 * const body = await openFileBody({ file: '/srv/big.iso' });
 * try { for await (const chunk of body.chunks()) await write(chunk); } finally { await body.close(); }
 */
export async function openFileBody(range: FileRange): Promise<FileBody> {
  const owned = typeof range.file === 'string';
  const fd = typeof range.file === 'string' ? await openFile(range.file, 'r') : range.file;
  try {
    const stats = await statFile(fd);
    // A directory opens fine on POSIX; reading it fails later, after the head went out.
    if (stats.isDirectory()) throw Object.assign(new Error(NODE_MESSAGES.fileIsDirectory(range.file)), { code: 'EISDIR' });
    const offset = range.offset ?? 0;
    const available = stats.isFile() ? Math.max(0, stats.size - offset) : null;
    const length = available === null ? null : Math.min(available, range.count ?? Infinity);
    const limit = length ?? range.count;
    return {
      length,
      fd,
      offset,
      chunks: () => readChunks(fd, offset, limit, length, range.file),
      close: () => (owned ? closeFile(fd) : Promise.resolve()),
    };
  } catch (error) {
    if (owned) await closeFile(fd).catch(() => undefined);
    throw error;
  }
}

async function* readChunks(fd: number, offset: number, limit: number | undefined, length: number | null, file: string | number): AsyncGenerator<Buffer> {
  let position = offset;
  const end = limit === undefined ? Infinity : offset + limit;
  // Positional reads: a caller's descriptor keeps its own position. The next block is read while
  // the previous one is being written (fs streams are avoided: their iterator closes any fd).
  const readAt = (at: number): Promise<Buffer> | null => {
    const size = Math.min(READ_SIZE, end - at);
    if (size <= 0) return null;
    const buffer = Buffer.allocUnsafe(size);
    return readBlock(fd, buffer, 0, size, at).then(({ bytesRead }) => buffer.subarray(0, bytesRead));
  };
  let next = readAt(position);
  try {
    while (next !== null) {
      const chunk = await next;
      if (chunk.byteLength === 0) break;
      position += chunk.byteLength;
      next = readAt(position);
      yield chunk;
    }
  } finally {
    // Never leave a read in flight on a descriptor that is about to be closed.
    await next?.catch(() => undefined);
  }
  // The file shrank after it was measured: what was promised cannot be delivered.
  const sent = position - offset;
  if (length !== null && sent < length) throw new Error(NODE_MESSAGES.fileShrank(file, sent, length));
}
