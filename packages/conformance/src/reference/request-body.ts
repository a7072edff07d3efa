// The request body as the reference host sees it: pieces in order, and the framing a client uses.
import type { HeaderList } from '@tsgi/async';
import { concat } from '../_internal/bytes.js';
import type { ConformanceRequest } from '../driver.js';

/** The body's pieces, as a client would send them. */
export async function* bodyPieces(body: ConformanceRequest['body']): AsyncGenerator<Uint8Array> {
  if (body === undefined) return;
  if (body instanceof Uint8Array) {
    if (body.length > 0) yield body;
    return;
  }
  for await (const piece of body) if (piece.length > 0) yield piece.slice();
}

/** The whole body, and whether it went without Content-Length (chunked). */
export async function collectBody(body: ConformanceRequest['body']): Promise<{ bytes: Uint8Array; chunked: boolean }> {
  const pieces: Uint8Array[] = [];
  for await (const piece of bodyPieces(body)) pieces.push(piece);
  return { bytes: concat(pieces), chunked: body !== undefined && !(body instanceof Uint8Array) };
}

/** The request headers a client sends: the case's own, plus Host and the body's Content-Length. */
export function requestHeaders(req: ConformanceRequest): HeaderList {
  const headers: HeaderList = [['host', 'reference.test'], ...(req.headers ?? [])];
  const hasLength = headers.some(([name]) => name.toLowerCase() === 'content-length');
  if (req.body instanceof Uint8Array && !hasLength) headers.push(['content-length', String(req.body.length)]);
  if (req.body !== undefined && !(req.body instanceof Uint8Array)) headers.push(['transfer-encoding', 'chunked']);
  return headers;
}

/** Lower-cases header names, as an HTTP client reports them. */
export const lowerNames = (headers: HeaderList): HeaderList => headers.map(([n, v]) => [n.toLowerCase(), v]);
