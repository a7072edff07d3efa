import { encode } from '../internal/bytes.js';
import { type ResponseInit, RouterResponse } from './response.js';

const withType = (body: string, type: string, init: ResponseInit = {}): RouterResponse => {
  const res = new RouterResponse(encode(body), init);
  if (!res.headers.has('content-type')) res.headers.set('content-type', type);
  return res;
};

/**
 * A JSON response (RFC 8259: JSON is UTF-8, so no charset parameter).
 *
 * @example
 * return json({ id: 1 }, { status: 201 });
 */
export const json = (data: unknown, init?: ResponseInit): RouterResponse =>
  withType(JSON.stringify(data) ?? 'null', 'application/json', init);

/** A text/plain response in UTF-8. @example return text('pong'); */
export const text = (body: string, init?: ResponseInit): RouterResponse =>
  withType(body, 'text/plain; charset=utf-8', init);

/** A text/html response in UTF-8. @example return html('<h1>Hi</h1>'); */
export const html = (body: string, init?: ResponseInit): RouterResponse =>
  withType(body, 'text/html; charset=utf-8', init);

/**
 * A redirect. Characters a header cannot carry are percent-encoded; `%` sequences already there stay.
 *
 * @default status 302
 * @example
 * return redirect(req.url('user', { id: '1' }), 303);
 */
export function redirect(location: string, status = 302, init?: Omit<ResponseInit, 'status'>): RouterResponse {
  const res = new RouterResponse(null, { ...init, status });
  res.headers.set('location', location.replace(/[^\x21-\x7e]+/g, encodeURI));
  return res;
}
