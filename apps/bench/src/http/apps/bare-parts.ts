// What the bare async hosts (node:http and fetch) share: the scope literal they build and the byte
// join their apps need. Kept free of node:* imports: the fetch entry is bundled for Bun and Deno.
import type { Address, HTTPScope, HeaderList } from '@tsgi/async';

/** The request parts a bare host reads from its runtime. */
export interface BareRequest {
  method: string;
  httpVersion: HTTPScope['httpVersion'];
  /** The request-target as sent (origin form). */
  target: string;
  /** Lower-case names, as the contract wants them. */
  headers: HeaderList;
  client: Address | null;
  server: Address | null;
}

/**
 * The scope with only what the async contract needs. async §3.1.1 percent-decodes `path`; no scenario
 * path holds a '%', so even the scan is left out (leaving work out can only raise a ceiling).
 *
 * @example
 * bareScope({ method: 'GET', httpVersion: '1.1', target: '/a?b=1', headers: [], client: null, server: null }).queryString; // 'b=1'
 */
export function bareScope(request: BareRequest): HTTPScope {
  const { target } = request;
  const query = target.indexOf('?');
  const rawPath = query === -1 ? target : target.slice(0, query);
  return {
    type: 'http',
    tsgi: { version: '1.0', specVersion: '1.0' },
    httpVersion: request.httpVersion,
    method: request.method,
    scheme: 'http',
    path: rawPath,
    rawPath,
    queryString: query === -1 ? '' : target.slice(query + 1),
    rootPath: '',
    headers: request.headers,
    client: request.client,
    server: request.server,
    extensions: {},
  };
}

/**
 * Joins byte pieces into one array (the only piece itself when there is one).
 *
 * @example
 * joinBytes([new Uint8Array([1]), new Uint8Array([2, 3])]); // Uint8Array [1, 2, 3]
 */
export function joinBytes(pieces: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  if (pieces.length === 1) return pieces[0] as Uint8Array<ArrayBuffer>;
  const out = new Uint8Array(pieces.reduce((n, piece) => n + piece.byteLength, 0));
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.byteLength;
  }
  return out;
}
