// The request target → RAW_URI, SCRIPT_NAME, PATH_INFO, QUERY_STRING (docs/spec/sync.md §4.4, §4.6, §4.8).
import { decodeUtf8, isLatin1, percentDecode } from './bytes.js';
import { RequestError, SyncSpecError } from './errors.js';
import { BAD_TARGET, REQUEST_NOT_LATIN1 } from './messages.js';

/** A request target taken apart. */
export interface ParsedTarget {
  /** The path, percent-decoded and UTF-8 decoded (U+FFFD for invalid bytes). */
  path: string;
  /** Everything after the first `?`, exactly as sent. */
  query: string;
  /** The authority of an absolute-form target (`http://host:8080/x` → `host:8080`). */
  authority?: string;
}

// RFC 9112 §3.2: no whitespace or control characters in a request target.
// eslint-disable-next-line no-control-regex -- control characters are what we look for
const INVALID = /[\x00-\x20\x7f]/;
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/;

/**
 * Splits a raw request target. `%2F` decodes to `/` in `path`; RAW_URI keeps the exact bytes.
 *
 * @example
 * parseTarget('/a%2Fb/caf%C3%A9?x=1&x=2'); // { path: '/a/b/café', query: 'x=1&x=2' }
 * parseTarget('http://example.com'); // { path: '/', query: '', authority: 'example.com' }
 */
export function parseTarget(target: string): ParsedTarget {
  if (!isLatin1(target)) throw new SyncSpecError(`${REQUEST_NOT_LATIN1}: target ${JSON.stringify(target)}`);
  if (INVALID.test(target)) throw new RequestError(`${BAD_TARGET}: it contains whitespace or a control character`);
  if (target === '*') return { path: '*', query: '' };

  let rest = target;
  let authority: string | undefined;
  if (!target.startsWith('/')) {
    const absolute = ABSOLUTE.exec(target);
    if (absolute === null) throw new RequestError(`${BAD_TARGET}: got ${JSON.stringify(target.slice(0, 60))}`);
    authority = absolute[1] ?? '';
    rest = target.slice(absolute[0].length);
    // RFC 9112 §3.2.2: an absolute-form target with an empty path means '/'.
    if (!rest.startsWith('/')) rest = `/${rest}`;
  }
  // RFC 9110 §4.2.5: a fragment is never sent; ignore one a careless client sent (RAW_URI keeps it).
  const hash = rest.indexOf('#');
  if (hash !== -1) rest = rest.slice(0, hash);
  const mark = rest.indexOf('?');
  const rawPath = mark === -1 ? rest : rest.slice(0, mark);
  const query = mark === -1 ? '' : rest.slice(mark + 1);
  const path = decodeUtf8(percentDecode(rawPath));
  return authority === undefined ? { path, query } : { path, query, authority };
}

/** Normalises a configured root path, as the async interface does: `''`, or `'/x'` without a trailing slash. */
export function normalizeRootPath(rootPath: string | undefined): string {
  const trimmed = (rootPath ?? '').replace(/\/+$/, '');
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * The root path rule (docs/spec/sync.md §4.8, async §3.1.1): SCRIPT_NAME is the root path; PATH_INFO is
 * the rest of the decoded path when it starts with the root path at a segment boundary, and otherwise the
 * whole path (a proxy in front already stripped the prefix).
 *
 * @example
 * splitRootPath('/app/users', '/app'); // { scriptName: '/app', pathInfo: '/users' }
 * splitRootPath('/app', '/app');       // { scriptName: '/app', pathInfo: '' }
 * splitRootPath('/apple', '/app');     // { scriptName: '/app', pathInfo: '/apple' }
 */
export function splitRootPath(path: string, rootPath: string): { scriptName: string; pathInfo: string } {
  if (rootPath !== '' && path.startsWith(rootPath)) {
    const rest = path.slice(rootPath.length);
    if (rest === '' || rest.startsWith('/')) return { scriptName: rootPath, pathInfo: rest };
  }
  return { scriptName: rootPath, pathInfo: path };
}
