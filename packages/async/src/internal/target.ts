// Turns a request-target into rawPath, queryString and the decoded path (async §3.1.1).
import { fromUtf8, utf8 } from './runtime.js';

/** The parts of a request-target, as received. */
export interface TargetParts {
  rawPath: string;
  queryString: string;
}

// RFC 9112 §3.2.2: absolute-form (sent to proxies) carries scheme and authority before the path.
const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

/**
 * Splits a request-target at the first `?`; absolute-form loses its scheme and authority.
 *
 * @example
 * splitTarget('/a%2Fb?x=1'); // { rawPath: '/a%2Fb', queryString: 'x=1' }
 */
export function splitTarget(target: string): TargetParts {
  let rest = target;
  const absolute = ABSOLUTE_FORM.exec(rest);
  if (absolute) rest = rest.slice(absolute[0].length) || '/';
  const hash = rest.indexOf('#');
  // RFC 9110 §4.2.5: a fragment is never sent; drop one a careless client sent anyway.
  if (hash !== -1) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  return q === -1 ? { rawPath: rest, queryString: '' } : { rawPath: rest.slice(0, q), queryString: rest.slice(q + 1) };
}

const HEX = /^[0-9A-Fa-f]{2}$/;

/**
 * Percent-decodes a raw path to bytes, then decodes them as UTF-8, U+FFFD for invalid sequences.
 * `%2F` becomes '/', as in PATH_INFO; a `%` not followed by two hex digits stays as it is.
 *
 * @example
 * decodePath('/caf%C3%A9/a%2Fb'); // '/café/a/b'
 * decodePath('/%FF');             // '/\uFFFD'
 */
export function decodePath(rawPath: string): string {
  if (!rawPath.includes('%') && !/[^\0-\x7f]/.test(rawPath)) return rawPath;
  const bytes: number[] = [];
  for (let i = 0; i < rawPath.length; i++) {
    const code = rawPath.charCodeAt(i);
    if (code === 0x25 && HEX.test(rawPath.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(rawPath.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (code <= 0xff) {
      // async §2.3: a raw string holds one latin-1 character per byte received.
      bytes.push(code);
    } else {
      // Not bytes-as-latin-1 (a host passed decoded text): keep the character, as UTF-8.
      const char = String.fromCodePoint(rawPath.codePointAt(i) ?? 0xfffd);
      bytes.push(...utf8(char));
      i += char.length - 1;
    }
  }
  return fromUtf8(new Uint8Array(bytes));
}

/**
 * Normalises a root path: '' or a path starting with '/' and never ending with one.
 *
 * @example
 * normalizeRootPath('/api/'); // '/api'
 */
export function normalizeRootPath(rootPath: string | undefined): string {
  if (!rootPath || rootPath === '/') return '';
  const trimmed = rootPath.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * The root-path rule (async §3.1.1): when the decoded path starts with rootPath at a segment
 * boundary, `path` is the rest; otherwise a proxy already stripped it and `path` is the whole path.
 *
 * @example
 * pathBelowRoot('/api/users', '/api'); // '/users'
 * pathBelowRoot('/apiary', '/api');    // '/apiary'
 * pathBelowRoot('/users', '/api');     // '/users'
 */
export function pathBelowRoot(path: string, rootPath: string): string {
  if (rootPath === '') return path;
  if (path === rootPath) return '';
  return path.startsWith(`${rootPath}/`) ? path.slice(rootPath.length) : path;
}
