// Runs a sync app up to its first non-empty chunk: the core every host shares (docs/spec/sync.md §5–§6).
import { isFileWrapper } from './file-wrapper.js';
import { ChunkReader, checkBody } from './response-body.js';
import { ResponseState } from './response-state.js';
import type { Environ, FileWrapper, HeaderList, SyncApp } from './types.js';

/** A started response: the final head, and the rest of the body for the host to pull. */
export interface SyncResponse {
  status: string;
  statusCode: number;
  /** A copy of the app's list, checked: the host may change it (e.g. lower-case the names). */
  headers: HeaderList;
  /** The body chunks, pulled lazily; next() throws SyncSpecError for a chunk that is not a Uint8Array. */
  chunks: Iterator<Uint8Array, undefined>;
  /**
   * True when the app returned an array: every chunk exists already, so a host may gather them all
   * before sending without delaying a stream. False for a generator or any other iterable.
   */
  inMemory: boolean;
  /** Set when the body is a `tsgi.file_wrapper` result the host may send directly (§6.4). */
  fileWrapper?: FileWrapper;
  /** Calls the iterator's return() if unfinished, then the body's close(). Idempotent; hosts call it always. */
  close: () => void;
}

/**
 * Calls the app and runs it until the head is final: the first non-empty chunk (from write() or the body)
 * or the end of the body. Closes the body itself if that fails; after it returns, the host must call
 * `close()` once it is done with the response, whether it finished, failed or was abandoned.
 *
 * @example
 * const response = startApp(app, createEnviron(request));
 * try {
 *   sendHead(response.status, response.headers);
 *   for (let r = response.chunks.next(); !r.done; r = response.chunks.next()) send(r.value);
 * } finally {
 *   response.close();
 * }
 */
export function startApp(app: SyncApp, environ: Environ): SyncResponse {
  const state = new ResponseState();
  const body: unknown = app(environ, state.startResponse);
  checkBody(body);
  const reader = new ChunkReader(body, state, environ.REQUEST_METHOD);
  try {
    // docs/spec/sync.md §6.4: a file wrapper goes to the host as is, unless write() already sent bytes.
    if (isFileWrapper(body) && state.written.length === 0) {
      const head = state.finalize();
      return { status: head.status, statusCode: head.statusCode, headers: head.headers, chunks: reader, inMemory: false, fileWrapper: body, close: reader.close };
    }
    const first = reader.next();
    const head = state.finalize();
    if (first.done !== true) reader.pending = first.value;
    return { status: head.status, statusCode: head.statusCode, headers: head.headers, chunks: reader, inMemory: Array.isArray(body), close: reader.close };
  } catch (error) {
    closeAfter(reader.close, error);
  }
}

// PEP 3333: close() runs even when the app fails; the app's error wins over one from close().
function closeAfter(close: () => void, error: unknown): never {
  try {
    close();
  } catch {
    // the original error is the one the host must see
  }
  throw error;
}
