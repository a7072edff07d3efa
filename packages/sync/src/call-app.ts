// An in-memory server for tests: one request in, the whole response out (docs/spec/sync.md Appendix B).
import { concatBytes, decodeUtf8, encodeUtf8 } from './bytes.js';
import { createEnviron, type EnvironRequest } from './environ.js';
import { isRequestError } from './errors.js';
import { startApp } from './start-app.js';
import type { HeaderList, SyncApp } from './types.js';

/** What {@link callApp} takes: any part of a request; a string body is sent as UTF-8. */
export type CallAppRequest = Partial<Omit<EnvironRequest, 'body'>> & { body?: EnvironRequest['body'] | string };

/** The whole response {@link callApp} collected. */
export interface CallAppResult {
  status: string;
  statusCode: number;
  headers: HeaderList;
  body: Uint8Array;
  /** The body decoded as UTF-8. */
  text: string;
}

/**
 * Calls a sync app the way a server does and collects its response. A body gets a Content-Length header
 * unless one is given or `bodyTerminated` is set; a HEAD, 204 or 304 response's body is not read past the
 * head (sync §6.5). A request the server refuses comes back as the refusal (e.g. 400); anything the app
 * or the spec throws, is thrown.
 *
 * @example
 * const { statusCode, text } = callApp(app, { method: 'POST', target: '/echo', body: 'hi' });
 */
export function callApp(app: SyncApp, request: CallAppRequest = {}): CallAppResult {
  const { body: given, ...rest } = request;
  const body = typeof given === 'string' ? encodeUtf8(given) : given;
  const headers = [...(request.headers ?? [])];
  const hasLength = headers.some(([name]) => name.toLowerCase() === 'content-length');
  if (body instanceof Uint8Array && !hasLength && request.bodyTerminated === undefined) {
    headers.push(['content-length', String(body.length)]);
  }
  let environ;
  try {
    environ = createEnviron({
      ...rest,
      method: request.method ?? 'GET',
      target: request.target ?? '/',
      headers,
      ...(body === undefined ? {} : { body }),
    });
  } catch (error) {
    if (!isRequestError(error)) throw error;
    const refusal = error.toResponse();
    return { ...refusal, text: decodeUtf8(refusal.body) };
  }

  const response = startApp(app, environ);
  try {
    const chunks: Uint8Array[] = [];
    // docs/spec/sync.md §6.5: HEAD, 204 and 304 responses have no body; the host stops and closes.
    if (environ.REQUEST_METHOD !== 'HEAD' && response.statusCode !== 204 && response.statusCode !== 304) {
      for (let result = response.chunks.next(); result.done !== true; result = response.chunks.next()) {
        chunks.push(result.value);
      }
    }
    const bytes = concatBytes(chunks);
    const { status, statusCode, headers: responseHeaders } = response;
    return { status, statusCode, headers: responseHeaders, body: bytes, text: decodeUtf8(bytes) };
  } finally {
    response.close();
  }
}
