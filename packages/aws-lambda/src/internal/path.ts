// Paths and query strings: the target tsgi hands the app must be percent-encoded exactly once
// (docs/spec/async.md §3.1.1: rawPath is "exactly as received"), whatever each source delivered.
import { utf8 } from './runtime.js';

// RFC 3986 §3.3: pchar = unreserved / pct-encoded / sub-delims / ":" / "@", plus "/" between segments.
const PATH_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;
// RFC 3986 §3.4: a query may also hold "?" (and "/").
const QUERY_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;
const HEX2 = /^[0-9A-Fa-f]{2}$/;

function escapeWith(text: string, safe: RegExp): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (safe.test(char)) out += char;
    else if (char === '%' && HEX2.test(text.slice(i + 1, i + 3))) out += char;
    else {
      // A surrogate pair is one code point: encode both halves together.
      const codePoint = text.codePointAt(i)!;
      const whole = String.fromCodePoint(codePoint);
      i += whole.length - 1;
      for (const byte of utf8(whole)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/**
 * Percent-encodes what can never appear literally in a path, and leaves valid escapes alone, so an
 * encoded path passes unchanged and a decoded one (HTTP APIs decode `rawPath`) becomes valid.
 *
 * @example
 * escapePath('/a b/caf%C3%A9/é?') // '/a%20b/caf%C3%A9/%C3%A9%3F'
 */
export function escapePath(path: string): string {
  return escapeWith(path, PATH_SAFE);
}

/** The query string counterpart of `escapePath`: `?` and `/` may stay, `#` and spaces may not. */
export function escapeQuery(query: string): string {
  return escapeWith(query, QUERY_SAFE);
}

/** Percent-decodes as UTF-8, keeping any malformed escape as it was. */
export function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/**
 * Splits `prefix` off `path` at a segment boundary, or returns null when `path` does not start there.
 *
 * @example
 * stripPrefix('/prod/users', '/prod') // '/users'
 * stripPrefix('/production', '/prod') // null
 */
export function stripPrefix(path: string, prefix: string): string | null {
  if (prefix === '') return path;
  if (path === prefix) return '';
  return path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : null;
}

/**
 * Normalises a configured base path: one leading slash, no trailing one, `''` for none.
 *
 * @example
 * normaliseBasePath('api/v1/') // '/api/v1'
 */
export function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
