// Set-Cookie values (RFC 6265 §4.1); opt-in, '@tsgi/router/cookies', so the core stays small.
import { RouterError, messages } from '../errors.js';
import type { RouterResponse } from '../responses/response.js';

/** Attributes of a Set-Cookie header (RFC 6265 §4.1, draft-ietf-httpbis-rfc6265bis). */
export interface CookieOptions {
  /** Seconds until it expires; 0 or less expires it now. */
  maxAge?: number;
  expires?: Date;
  domain?: string;
  /** @default '/' */
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  /** 'None' also sets Secure: browsers drop SameSite=None cookies without it. */
  sameSite?: 'Strict' | 'Lax' | 'None';
  /** CHIPS: also sets Secure. */
  partitioned?: boolean;
}

// RFC 6265 §4.1.1: cookie-name is an RFC 2616 token.
const TOKEN = /^[!#$%&'*+\-.^_`|~\w]+$/;
// Attribute values end at ';' and must stay inside one header line.
// eslint-disable-next-line no-control-regex -- control characters are what we look for
const BAD_ATTRIBUTE = /[;\0-\x1f\x7f]/;

/**
 * Serialises one Set-Cookie value. The value is percent-encoded (so any text round-trips through
 * `req.cookies`); a bad name or attribute throws a RouterError at the call.
 *
 * @example
 * serializeCookie('sid', 'a b', { httpOnly: true, sameSite: 'Lax' });
 * // 'sid=a%20b; Path=/; HttpOnly; SameSite=Lax'
 */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  // RFC 6265 §4.1.1: a cookie name is a token.
  if (!TOKEN.test(name)) throw new RouterError(messages.badValue(`cookie name '${name}'`), { code: 'cookie' });
  let out = `${name}=${encodeURIComponent(value)}`;
  const attr = (key: string, v: string) => {
    if (BAD_ATTRIBUTE.test(v)) throw new RouterError(messages.badValue(`cookie attribute ${key}=${v}`), { code: 'cookie' });
    out += `; ${key}=${v}`;
  };
  if (options.maxAge !== undefined) attr('Max-Age', String(Math.floor(options.maxAge)));
  if (options.expires) attr('Expires', options.expires.toUTCString());
  if (options.domain) attr('Domain', options.domain);
  attr('Path', options.path ?? '/');
  if (options.secure || options.sameSite === 'None' || options.partitioned) out += '; Secure';
  if (options.httpOnly) out += '; HttpOnly';
  if (options.sameSite) out += `; SameSite=${options.sameSite}`;
  if (options.partitioned) out += '; Partitioned';
  return out;
}

/**
 * Adds a Set-Cookie header to a response: one header per cookie, never comma-joined. Returns the
 * response, so calls chain.
 *
 * @example
 * import { setCookie } from '@tsgi/router/cookies';
 * router.post('/login', () => setCookie(text('welcome'), 'session', 'abc123', { httpOnly: true, sameSite: 'Lax' }));
 */
export function setCookie<R extends RouterResponse>(res: R, name: string, value: string, options?: CookieOptions): R {
  res.headers.append('set-cookie', serializeCookie(name, value, options));
  return res;
}

/**
 * Expires a cookie now; give the same `path` and `domain` it was set with.
 *
 * @example
 * clearCookie(res, 'session', { path: '/' });
 */
export const clearCookie = <R extends RouterResponse>(res: R, name: string, options: Pick<CookieOptions, 'path' | 'domain' | 'secure' | 'sameSite'> = {}): R =>
  setCookie(res, name, '', { ...options, maxAge: 0, expires: new Date(0) });
