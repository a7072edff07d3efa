// validate(): tsgi.input and tsgi.errors in use (docs/spec/sync.md §4.2, §4.3). Checks both sides: the
// app's arguments and what the server's stream hands back.
import { describe, isBytes } from '../bytes.js';
import { SyncSpecError } from '../errors.js';
import * as m from '../messages.js';
import type { ErrorStream, InputStream } from '../types.js';

function checkSize(size: unknown): void {
  if (size === undefined || size === null) return;
  if (typeof size !== 'number' || Number.isNaN(size) || (Number.isFinite(size) && !Number.isInteger(size))) {
    throw new SyncSpecError(`${m.INPUT_SIZE}: got ${describe(size)}`);
  }
}

/** Wraps `tsgi.input` so every call is checked; `contentLength` is the environ's CONTENT_LENGTH. */
export function checkedInput(input: InputStream, contentLength: number | undefined): InputStream & { close(): never } {
  let total = 0;
  const received = (value: unknown, limit: number | undefined | null): Uint8Array => {
    if (!isBytes(value)) throw new SyncSpecError(`${m.INPUT_NOT_BYTES}: got ${describe(value)}`);
    if (typeof limit === 'number' && limit >= 0 && value.length > limit) {
      throw new SyncSpecError(`${m.INPUT_TOO_LONG}: ${value.length} bytes for ${limit}`);
    }
    total += value.length;
    if (contentLength !== undefined && total > contentLength) {
      throw new SyncSpecError(`${m.INPUT_PAST_LENGTH}: ${total} bytes, CONTENT_LENGTH ${contentLength}`);
    }
    return value;
  };
  const line = (value: Uint8Array): Uint8Array => {
    const newline = value.indexOf(0x0a);
    if (newline !== -1 && newline !== value.length - 1) throw new SyncSpecError(m.INPUT_NOT_A_LINE);
    return value;
  };
  return {
    read: (size) => {
      checkSize(size);
      return received(input.read(size), size);
    },
    readline: (size) => {
      checkSize(size);
      return line(received(input.readline(size), size));
    },
    readlines: (hint) => {
      checkSize(hint);
      const lines: unknown = input.readlines(hint);
      if (!Array.isArray(lines)) throw new SyncSpecError(`${m.INPUT_NOT_BYTES}: readlines() gave ${describe(lines)}`);
      return (lines as unknown[]).map((value) => line(received(value, undefined)));
    },
    *[Symbol.iterator]() {
      for (const value of input as Iterable<unknown>) yield line(received(value, undefined));
    },
    close: () => {
      throw new SyncSpecError(m.INPUT_CLOSE);
    },
  };
}

/** Wraps `tsgi.errors` so the app writes only strings and never closes it. */
export function checkedErrors(errors: ErrorStream): ErrorStream & { close(): never } {
  const text = (value: unknown): string => {
    if (typeof value !== 'string') throw new SyncSpecError(`${m.ERRORS_NOT_STRING}: got ${describe(value)}`);
    return value;
  };
  return {
    write: (value) => errors.write(text(value)),
    writelines: (lines) => errors.writelines([...(lines as Iterable<unknown>)].map(text)),
    flush: () => errors.flush(),
    close: () => {
      throw new SyncSpecError(m.ERRORS_CLOSE);
    },
  };
}
