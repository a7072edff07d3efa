// Pulling the body an app returned (docs/spec/sync.md §6.1–§6.3): chunk types, write() chunks first,
// Content-Length kept honest, and close()/return() exactly once.
import { describe, isBytes } from './bytes.js';
import { SyncSpecError } from './errors.js';
import {
  APP_RETURNED_PROMISE,
  BODY_BYTES,
  BODY_NOT_ITERABLE,
  BODY_STRING,
  BODY_TOO_LONG,
  BODY_TOO_SHORT,
  CHUNK_NOT_BYTES,
  CONTENT_LENGTH_FORMAT,
} from './messages.js';
import type { FinalHead, ResponseState } from './response-state.js';
import type { ResponseBody } from './types.js';

/** Throws unless `body` is an iterable the spec allows (not a string, bare bytes or a Promise). */
export function checkBody(body: unknown): asserts body is ResponseBody {
  if (typeof body === 'string') throw new SyncSpecError(BODY_STRING);
  if (isBytes(body)) throw new SyncSpecError(BODY_BYTES);
  if (typeof (body as { then?: unknown } | null)?.then === 'function') throw new SyncSpecError(APP_RETURNED_PROMISE);
  if (typeof (body as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator] !== 'function') {
    throw new SyncSpecError(`${BODY_NOT_ITERABLE}: got ${describe(body)}`);
  }
}

/** The body's chunks and its one close(). */
export interface ChunkReader {
  chunks: Iterator<Uint8Array, undefined>;
  close: () => void;
}

/** Reads `body` lazily: write() chunks first, empty chunks skipped, the head made final before a chunk. */
export function createChunkReader(body: ResponseBody, state: ResponseState, method: string): ChunkReader {
  let iterator: Iterator<unknown> | undefined;
  let finished = false; // the app's iterator is done
  let ended = false; // ...and every write() chunk was taken
  let counter: ((size: number | undefined) => void) | undefined;
  const count = (size: number | undefined): void => {
    counter ??= lengthCounter(state.finalize(), method);
    counter(size);
  };

  const next = (): IteratorResult<Uint8Array, undefined> => {
    for (;;) {
      const written = state.written.shift();
      if (written !== undefined) {
        count(written.length);
        return { value: written, done: false };
      }
      if (state.closed) return { value: undefined, done: true };
      if (finished) {
        if (!ended) count(undefined);
        ended = true;
        return { value: undefined, done: true };
      }
      iterator ??= body[Symbol.iterator]();
      const result = iterator.next();
      if (result.done === true) {
        finished = true;
        continue; // the last step may have called write()
      }
      const chunk: unknown = result.value;
      if (!isBytes(chunk)) throw new SyncSpecError(`${CHUNK_NOT_BYTES}: got ${describe(chunk)}`);
      if (chunk.length === 0) continue;
      // write() calls made during this step happened before the yield: they go first.
      if (state.written.length > 0) {
        state.written.push(chunk);
        continue;
      }
      state.finalize();
      count(chunk.length);
      return { value: chunk, done: false };
    }
  };

  const close = (): void => {
    if (state.closed) return;
    state.closed = true;
    try {
      // docs/spec/sync.md §6.2: an abandoned generator's finally blocks run through return().
      if (!finished) iterator?.return?.();
    } finally {
      body.close?.();
    }
  };

  return {
    chunks: { next },
    close,
  };
}

// docs/spec/sync.md §6.3: a host must never frame more, or fewer, bytes than the app's Content-Length.
// HEAD, 1xx, 204 and 304 responses carry no body, so their Content-Length describes another response.
function lengthCounter(head: FinalHead, method: string): (size: number | undefined) => void {
  // A loop, not filter/map/Set: this runs for every response.
  let value: string | undefined;
  for (const [name, raw] of head.headers) {
    if (name.length !== 14 || name.toLowerCase() !== 'content-length') continue;
    const text = raw.trim();
    // Repeated fields must agree (RFC 9110 §8.6).
    if (value !== undefined && text !== value) throw new SyncSpecError(`${CONTENT_LENGTH_FORMAT}: got ${value}, ${text}`);
    value = text;
  }
  if (value !== undefined && !/^\d+$/.test(value)) throw new SyncSpecError(`${CONTENT_LENGTH_FORMAT}: got ${value}`);
  const bodiless = method === 'HEAD' || head.statusCode === 204 || head.statusCode === 304;
  const declared = value !== undefined && !bodiless ? Number(value) : undefined;
  let sent = 0;
  return (size) => {
    if (declared === undefined) return;
    if (size === undefined) {
      if (sent < declared) throw new SyncSpecError(`${BODY_TOO_SHORT}: ${sent} of ${declared} bytes`);
      return;
    }
    sent += size;
    if (sent > declared) throw new SyncSpecError(`${BODY_TOO_LONG}: ${sent} bytes, Content-Length ${declared}`);
  };
}
