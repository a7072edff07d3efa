import { type HeaderMap, type HeadersInit, toHeaders } from '../headers.js';

/** A body chunk: bytes, or text sent as UTF-8. */
export type BodyChunk = Uint8Array | string;

/**
 * What a response carries: bytes, a sync iterable (a generator), an async iterable (async
 * interface only), or nothing.
 */
export type ResponseBody = Uint8Array | Iterable<BodyChunk> | AsyncIterable<BodyChunk> | null;

/** Status and headers for a new response. */
export interface ResponseInit {
  /** @default 200 */
  status?: number;
  headers?: HeadersInit;
}

/**
 * An HTTP response the router sends through either interface. Handlers usually build one with a
 * helper (`json`, `text`, `redirect`, `stream`, `file`...), or return a plain value.
 *
 * @example
 * const res = new RouterResponse(new TextEncoder().encode('hi'), { status: 201, headers: { 'content-type': 'text/plain' } });
 */
export class RouterResponse {
  status: number;
  readonly headers: HeaderMap;
  body: ResponseBody;

  constructor(body: ResponseBody = null, init: ResponseInit = {}) {
    this.body = body;
    this.status = init.status ?? 200;
    this.headers = toHeaders(init.headers);
  }
}

/** True for a RouterResponse. */
export const isResponse = (value: unknown): value is RouterResponse => value instanceof RouterResponse;
