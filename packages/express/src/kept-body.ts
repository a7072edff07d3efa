// Whether the request body is still unread, or what is left of it after another middleware (a body
// parser) read it first. The app must see the body exactly as sent, or the request is refused.
import type { ExpressRequest } from './express-types.js';

/** What the app will read: the request stream, bytes kept by a parser, or nothing honest. */
export type BodySource =
  | { kind: 'stream' }
  | { kind: 'kept'; bytes: Uint8Array }
  | { kind: 'lost'; reason: 'consumed' }
  | { kind: 'lost'; reason: 'decoded'; encoding: string };

const EMPTY = new Uint8Array(0);

/**
 * Inspects a request before the app runs. Unread: the stream. Read by a parser that kept the raw
 * bytes (`req.rawBody` from a `verify` hook, or the Buffer `express.raw()` leaves in `req.body`):
 * those bytes. Read and not kept, or inflated from a Content-Encoding: lost.
 *
 * @example
 * app.use(express.json({ verify: (req, _res, buf) => { req.rawBody = buf } }));
 * inspectBody(req); // { kind: 'kept', bytes: <the JSON as sent> }
 */
export function inspectBody(req: ExpressRequest): BodySource {
  const consumed = req._body === true || req.readableDidRead || req.readableEnded;
  if (!consumed) return { kind: 'stream' };
  // RFC 9112 §6.3: no Transfer-Encoding and no (or a zero) Content-Length means no body to lose.
  if (!hasBody(req)) return { kind: 'kept', bytes: EMPTY };
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const raw = rawBytes(req);
  if (raw === undefined) return { kind: 'lost', reason: 'consumed' };
  // body-parser inflates gzip/deflate/br before `verify` and `raw()` see the bytes.
  if (encoding !== 'identity' && encoding !== '') return { kind: 'lost', reason: 'decoded', encoding };
  return { kind: 'kept', bytes: raw };
}

function rawBytes(req: ExpressRequest): Uint8Array | undefined {
  if (req.rawBody instanceof Uint8Array) return req.rawBody;
  // express.raw() leaves the body's bytes as a Buffer in req.body; json/text/urlencoded do not.
  if (req.body instanceof Uint8Array) return req.body;
  return undefined;
}

function hasBody(req: ExpressRequest): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && Number(length) !== 0;
}
