// Pulling the body an app returned (docs/spec/sync.md §6.1–§6.3): chunk types, write() chunks first,
// Content-Length kept honest, and close()/return() exactly once.
import { describe, isBytes, isDigits } from './bytes.js';
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

/**
 * Reads `body` lazily: write() chunks first, empty chunks skipped, the head made final before a chunk.
 * One object per response with its state in fields (closures made per response cost more on node 20);
 * `close` is bound, so a host may call it detached.
 */
export class ChunkReader implements Iterator<Uint8Array, undefined> {
  private iterator: Iterator<unknown> | undefined = undefined;
  private finished = false; // the app's iterator is done
  private ended = false; // ...and every write() chunk was taken
  /** A chunk pulled to make the head final (startApp), handed out before anything else. */
  pending: Uint8Array | undefined = undefined;
  // docs/spec/sync.md §6.3: bytes counted against the head's Content-Length, read at the first count.
  private counting = false;
  private declared: number | undefined = undefined;
  private sent = 0;
  /** Calls the iterator's return() if unfinished, then the body's close(). Idempotent. */
  readonly close: () => void;

  constructor(
    private readonly body: ResponseBody,
    private readonly state: ResponseState,
    private readonly method: string,
  ) {
    this.close = () => this.closeBody();
  }

  next(): IteratorResult<Uint8Array, undefined> {
    const { pending, state } = this;
    if (pending !== undefined) {
      this.pending = undefined;
      return { value: pending, done: false };
    }
    for (;;) {
      const written = state.written.shift();
      if (written !== undefined) {
        this.count(written.length);
        return { value: written, done: false };
      }
      if (state.closed) return { value: undefined, done: true };
      if (this.finished) {
        if (!this.ended) this.count(undefined);
        this.ended = true;
        return { value: undefined, done: true };
      }
      this.iterator ??= this.body[Symbol.iterator]();
      const result = this.iterator.next();
      if (result.done === true) {
        this.finished = true;
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
      this.count(chunk.length);
      return { value: chunk, done: false };
    }
  }

  private closeBody(): void {
    if (this.state.closed) return;
    this.state.closed = true;
    try {
      // docs/spec/sync.md §6.2: an abandoned generator's finally blocks run through return().
      if (!this.finished) this.iterator?.return?.();
    } finally {
      this.body.close?.();
    }
  }

  // docs/spec/sync.md §6.3: a host must never frame more, or fewer, bytes than the app's Content-Length;
  // `undefined` is the end of the body.
  private count(size: number | undefined): void {
    if (!this.counting) {
      this.declared = declaredLength(this.state.finalize(), this.method);
      this.counting = true;
    }
    const { declared } = this;
    if (declared === undefined) return;
    if (size === undefined) {
      if (this.sent < declared) throw new SyncSpecError(`${BODY_TOO_SHORT}: ${this.sent} of ${declared} bytes`);
      return;
    }
    this.sent += size;
    if (this.sent > declared) throw new SyncSpecError(`${BODY_TOO_LONG}: ${this.sent} bytes, Content-Length ${declared}`);
  }
}

// The Content-Length a body must match, if any. HEAD, 1xx, 204 and 304 responses carry no body, so
// their Content-Length describes another response.
function declaredLength(head: FinalHead, method: string): number | undefined {
  // A loop, not filter/map/Set: this runs for every response.
  let value: string | undefined;
  for (const [name, raw] of head.headers) {
    if (name.length !== 14 || name.toLowerCase() !== 'content-length') continue;
    const text = raw.trim();
    // Repeated fields must agree (RFC 9110 §8.6).
    if (value !== undefined && text !== value) throw new SyncSpecError(`${CONTENT_LENGTH_FORMAT}: got ${value}, ${text}`);
    value = text;
  }
  if (value !== undefined && !isDigits(value)) throw new SyncSpecError(`${CONTENT_LENGTH_FORMAT}: got ${value}`);
  const bodiless = method === 'HEAD' || head.statusCode === 204 || head.statusCode === 304;
  return value !== undefined && !bodiless ? Number(value) : undefined;
}
