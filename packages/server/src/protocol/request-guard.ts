// Checks node's parser leaves to us, made on every request before the app sees it: request-line
// and header limits (414/431), Host rules and transfer codings (400/501). See protocol/README.md.
import { HttpError, type NodeRequest } from '@tsgi/node';
import type { ServerConfig } from '../config/server-config.js';
import { PROTOCOL_MESSAGES } from './messages.js';

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
    const http2 = req.httpVersion === '2.0';
    // "METHOD SP target SP HTTP/x.y", as gunicorn counts it (without CRLF).
    if ((req.method?.length ?? 0) + (req.url?.length ?? 0) + 10 > limitRequestLine) {
      return new HttpError(PROTOCOL_MESSAGES.requestLineTooLong(limitRequestLine), { status: 414 });
    }
    const raw = req.rawHeaders;
    let fields = 0;
    let hosts = 0;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i] ?? '';
      if (http2 && name.startsWith(':')) continue;
      fields++;
      if (name.length + 2 + (raw[i + 1]?.length ?? 0) > limitRequestFieldSize) {
        return new HttpError(PROTOCOL_MESSAGES.fieldTooLarge(limitRequestFieldSize), { status: 431 });
      }
      if (name.length === 4 && name.toLowerCase() === 'host') hosts++;
    }
    if (fields > limitRequestFields) return new HttpError(PROTOCOL_MESSAGES.tooManyFields(limitRequestFields), { status: 431 });
    if (http2) return null;
    if (hosts > 1) return new HttpError(PROTOCOL_MESSAGES.repeatedHost, { status: 400 });
    if (hosts === 0 && req.httpVersion === '1.1') return new HttpError(PROTOCOL_MESSAGES.missingHost, { status: 400 });
    const codings = req.headers['transfer-encoding'];
    if (codings !== undefined) {
      if (req.httpVersion === '1.0') return new HttpError(PROTOCOL_MESSAGES.transferEncodingHttp10, { status: 400 });
      // RFC 9112 §6.1: a server answers 501 to a transfer coding it does not understand; node's
      // parser accepts 'gzip, chunked' and would hand the app still-compressed bytes.
      if (codings.toLowerCase().split(',').some((coding) => coding.trim() !== 'chunked')) {
        return new HttpError(PROTOCOL_MESSAGES.unsupportedCoding(codings), { status: 501 });
      }
    }
    return null;
  };
}
