// tsgi.input over a body already in memory (docs/spec/sync.md §4.2.2, strategy 1: buffer before the call).
import { createEmptyInput, createInputStream } from './input-stream.js';
import type { InputStream } from './types.js';

/** Options of {@link createBufferedInput}. */
export interface BufferedInputOptions {
  /** CONTENT_LENGTH: bytes past it are never returned. @default the body's length */
  contentLength?: number;
}

/**
 * `tsgi.input` over bytes in memory. Reads return views of `body`, not copies.
 *
 * @example
 * const input = createBufferedInput(new TextEncoder().encode('a\nb\n'));
 * input.readline(); // bytes of 'a\n'
 * input.read();     // bytes of 'b\n'
 */
// Everything is in memory already: hand it over in one piece instead of 64 KiB blocks.
const WHOLE = Object.freeze({ blockSize: Infinity });

export function createBufferedInput(body: Uint8Array, options: BufferedInputOptions = {}): InputStream {
  // Nothing to read, whatever CONTENT_LENGTH says: no position to keep, no pull to close over.
  if (body.length === 0) return createEmptyInput();
  let position = 0;
  return createInputStream(
    (maxBytes) => {
      const chunk = body.subarray(position, position + maxBytes);
      position += chunk.length;
      return chunk;
    },
    options.contentLength === undefined ? WHOLE : { blockSize: Infinity, contentLength: options.contentLength },
  );
}
