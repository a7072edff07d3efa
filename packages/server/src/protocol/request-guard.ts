// Checks node's parser leaves to us, made on every request before the app sees it: request-line
// and header limits (414/431), Host rules and transfer codings (400/501). See protocol/README.md.
import { HttpError, type NodeRequest } from '@tsgi/node';
import type { ServerConfig } from '../config/server-config.js';
import { PROTOCOL_MESSAGES } from './messages.js';

// RFC 9112 §3.2 / RFC 3986 §3.2.2: Host = uri-host [ ":" port ], where uri-host is an IP-literal in
// brackets or a reg-name (unreserved, pct-encoded, sub-delims): no userinfo, path, or whitespace.
const HOST = /^(?:\[[0-9A-Za-z._~!$&'()*+,;=:-]+\]|[0-9A-Za-z._~!$&'()*+,;=%-]*)(?::[0-9]*)?$/;

/** Returns the refusal for a request that breaks a rule, or null to let it through. */
export type RequestGuard = (req: NodeRequest) => HttpError | null;

/**
 * Builds the guard from the resolved limits.
 *
 * @example
 * const guard = createRequestGuard(config);
 * guard(req); // null, or HttpError { status: 414, message: 'RFC 9112 §3: the request line is longer than 8190 bytes' }
 */
export function createRequestGuard(config: Pick<ServerConfig, 'limitRequestLine' | 'limitRequestFields' | 'limitRequestFieldSize'>): RequestGuard {
  const { limitRequestLine, limitRequestFields, limitRequestFieldSize } = config;
  return (req) => {
    // A real HTTP/2 request comes with its stream; "HTTP/2.0" on an HTTP/1.1 connection is a claim.
    const http2 = 'stream' in req;
    if (!http2 && req.httpVersionMajor !== 1) {
      return new HttpError(PROTOCOL_MESSAGES.versionUnsupported(req.httpVersion), { status: 505 });
    }
    // "METHOD SP target SP HTTP/x.y", as gunicorn counts it (without CRLF).
    if ((req.method?.length ?? 0) + (req.url?.length ?? 0) + 10 > limitRequestLine) {
      return new HttpError(PROTOCOL_MESSAGES.requestLineTooLong(limitRequestLine), { status: 414 });
    }
    const raw = req.rawHeaders;
    let fields = 0;
    let hosts = 0;
    let host = '';
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i] ?? '';
      if (http2 && name.startsWith(':')) continue;
      fields++;
      if (name.length + 2 + (raw[i + 1]?.length ?? 0) > limitRequestFieldSize) {
        return new HttpError(PROTOCOL_MESSAGES.fieldTooLarge(limitRequestFieldSize), { status: 431 });
      }
      if (name.length === 4 && name.toLowerCase() === 'host') {
        hosts++;
        host = raw[i + 1] ?? '';
      }
    }
    if (fields > limitRequestFields) return new HttpError(PROTOCOL_MESSAGES.tooManyFields(limitRequestFields), { status: 431 });
    if (http2) return null;
    if (hosts > 1) return new HttpError(PROTOCOL_MESSAGES.repeatedHost, { status: 400 });
    if (hosts === 0 && req.httpVersion === '1.1') return new HttpError(PROTOCOL_MESSAGES.missingHost, { status: 400 });
    if (hosts === 1 && !HOST.test(host)) return new HttpError(PROTOCOL_MESSAGES.invalidHost(host), { status: 400 });
    const codings = req.headers['transfer-encoding'];
    if (codings !== undefined) return checkCodings(codings, req.httpVersion);
    return null;
  };
}

function checkCodings(value: string, httpVersion: string): HttpError | null {
  if (httpVersion === '1.0') return new HttpError(PROTOCOL_MESSAGES.transferEncodingHttp10, { status: 400 });
  // RFC 9110 §5.6.1: empty list elements do not count.
  const codings = value.toLowerCase().split(',').map((coding) => coding.trim()).filter((coding) => coding !== '');
  // RFC 9112 §6.3: when chunked is not the final coding, the body's length cannot be known (400).
  if (codings.at(-1) !== 'chunked') return new HttpError(PROTOCOL_MESSAGES.chunkedNotLast(value), { status: 400 });
  // RFC 9112 §6.1: a server answers 501 to a transfer coding it does not understand; node's
  // parser accepts 'gzip, chunked' and would hand the app still-compressed bytes.
  if (codings.length > 1) return new HttpError(PROTOCOL_MESSAGES.unsupportedCoding(value), { status: 501 });
  return null;
}
