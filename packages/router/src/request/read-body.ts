// Reading the whole body, up to the limit, before middleware runs (docs/router.md: "Bodies").
import type { Environ } from '@tsgi/sync';
import type { Receive } from '@tsgi/async';
import { HttpError, messages } from '../errors.js';
import { EMPTY, concat } from '../internal/bytes.js';

const tooLarge = (limit: number) => new HttpError(413, messages.bodyTooLarge(limit));

/** Reads `tsgi.input` to its end (docs/spec/sync.md §4.2); 413 past `limit`. */
export function readSyncBody(environ: Environ, limit: number): Uint8Array {
  const length = environ.CONTENT_LENGTH ? Number(environ.CONTENT_LENGTH) : 0;
  // RFC 9110 §15.5.14: refuse a declared length at once, before reading a byte of it.
  if (length > limit) throw tooLarge(limit);
  if (length === 0 && !environ['tsgi.input_terminated']) return EMPTY;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const chunk = environ['tsgi.input'].read(limit + 1 - total);
    if (chunk.length === 0) break;
    total += chunk.length;
    if (total > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return chunks.length === 0 ? EMPTY : concat(chunks);
}

/**
 * Receives `http.request` events until the last (async §3.2); 413 past `limit`. Null when the
 * client left first (`http.disconnect`): there is no one to answer.
 */
export async function readAsyncBody(receive: Receive, contentLength: string | undefined, limit: number): Promise<Uint8Array | null> {
  if (contentLength !== undefined && Number(contentLength) > limit) throw tooLarge(limit);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const event = await receive();
    if (event.type === 'http.disconnect') return null;
    if (event.type !== 'http.request') continue;
    if (event.body.length > 0) {
      total += event.body.length;
      if (total > limit) throw tooLarge(limit);
      chunks.push(event.body);
    }
    if (!event.moreBody) break;
  }
  return chunks.length === 0 ? EMPTY : concat(chunks);
}
