// Paths and query strings: the target tsgi hands the app must be a valid request-target, changed as
// little as possible (async §3.1.1: rawPath is "exactly as received"). Browsers send `[ ] | ^ { }`
// literally, so those stay; only what no request-target may hold is escaped (RFC 9112 §3.2).
import { utf8 } from './runtime.js';

const HEX2 = /^[0-9A-Fa-f]{2}$/;

/** How a source delivered the text: `raw` is as the client sent it, so even a stray `%` is kept. */
export interface EscapeOptions {
  /** @default false */
  raw?: boolean;
}

function percent(char: string): string {
  let out = '';
  for (const byte of utf8(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

// Text holding none of what escapeWith changes (nor `%`, whose check needs a look ahead) is returned as
// it came: the usual path or query of a warm invocation costs one regex test, not a string rebuild.
const PLAIN: Record<string, RegExp> = {
  // eslint-disable-next-line no-control-regex -- the controls are what these look for
  '?': /^[^\x00-\x20\x7f-\uffff#%?]*$/,
  // eslint-disable-next-line no-control-regex -- the controls are what these look for
  '': /^[^\x00-\x20\x7f-\uffff#%]*$/,
};

function escapeWith(text: string, also: string, { raw = false }: EscapeOptions): string {
  if (PLAIN[also]?.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const char = text[i]!;
    // Space, controls and DEL never appear in a request-target; non-ASCII travels as UTF-8 escapes.
    if (code <= 0x20 || code >= 0x7f) {
      // A surrogate pair is one code point: encode both halves together.
      const whole = String.fromCodePoint(text.codePointAt(i)!);
      i += whole.length - 1;
      out += percent(whole);
    } else if (char === '#' || also.includes(char)) out += percent(char);
    else if (char === '%' && !raw && !HEX2.test(text.slice(i + 1, i + 3))) out += '%25';
    else out += char;
  }
  return out;
}

/**
 * Escapes what a request-target's path may not hold — space, controls, non-ASCII, `#`, `?`, and a `%`
 * that starts no valid escape — and nothing else, so an encoded path passes unchanged and a decoded one
 * (HTTP APIs decode `rawPath`) becomes valid. With `raw`, every `%` stays as delivered.
 *
 * @example
 * escapePath('/a b/caf%C3%A9/é?') // '/a%20b/caf%C3%A9/%C3%A9%3F'
 * escapePath('/a[1]/{x}|y')       // '/a[1]/{x}|y'
 */
export function escapePath(path: string, options: EscapeOptions = {}): string {
  return escapeWith(path, '?', options);
}

/** The query string counterpart of `escapePath`: `?` and `/` may stay, `#` and spaces may not. */
export function escapeQuery(query: string, options: EscapeOptions = {}): string {
  return escapeWith(query, '', options);
}

/**
 * Escapes one decoded query key or value: also `%` (always: the text is decoded), and `&`, `=`, `+`,
 * which would change how the query splits or decodes (WHATWG URL's form decoding reads `+` as space).
 *
 * @example
 * escapeQueryComponent('c&d=e 50%') // 'c%26d%3De%2050%25'
 */
export function escapeQueryComponent(text: string): string {
  return escapeWith(text, '%&=+', {});
}

/** Percent-decodes as UTF-8, keeping any malformed escape as it was. */
export function decodePath(path: string): string {
  if (!path.includes('%')) return path;
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
