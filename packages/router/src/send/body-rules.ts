import type { RouterResponse } from '../responses/response.js';

/**
 * Whether the response carries no body: HEAD (RFC 9110 §9.3.2), 204 and 304 (RFC 9110 §6.4.1).
 * Also sets Content-Length for a bytes body when it is allowed and missing.
 */
export function prepareHead(res: RouterResponse, method: string): boolean {
  const bodiless = res.status === 204 || res.status === 304;
  if (res.body instanceof Uint8Array && !bodiless && !res.headers.has('content-length')) {
    res.headers.set('content-length', String(res.body.length));
  }
  return bodiless || method === 'HEAD';
}
