// The request target → RAW_URI, SCRIPT_NAME, PATH_INFO, QUERY_STRING (docs/spec/sync.md §4.4, §4.6, §4.8).
import { decodeUtf8, isLatin1, percentDecode } from './bytes.js';
import { RequestError, SyncSpecError } from './errors.js';
import { BAD_TARGET, REQUEST_NOT_LATIN1 } from './messages.js';

/** Why a request target must be refused (docs/spec/sync.md §7.2, async §3.1.2). */
export type TargetProblem = 'not-latin1' | 'whitespace' | 'form';

/**
 * A request target taken apart (docs/spec/sync.md §4.6, async §3.1.1). The one implementation both
 * interfaces use, so an environ and a scope built from the same target always agree.
 */
export interface RequestTarget {
  /** The path exactly as sent: starts with '/', or is '*'; '/' for an absolute-form target without one. */
  rawPath: string;
  /** Everything after the first `?`, exactly as sent; '' when there is none. */
  query: string;
  /** `rawPath` percent-decoded, then UTF-8 decoded (U+FFFD for invalid bytes). */
  path: string;
  /** The authority of an absolute-form target (`http://host:8080/x` → `host:8080`). */
  authority?: string;
}

/** What {@link parseRequestTarget} found: the parts, or the reason to refuse the target. */
export type ParsedRequestTarget = ({ ok: true } & RequestTarget) | { ok: false; problem: TargetProblem };

/** A request target taken apart, as createEnviron uses it. */
export type ParsedTarget = Omit<RequestTarget, 'rawPath'>;

// RFC 9112 §3.2: no whitespace or control characters in a request target.
// eslint-disable-next-line no-control-regex -- control characters are what we look for
const INVALID = /[\x00-\x20\x7f]/;
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/;

// An escape, or a byte past ASCII that must be read as UTF-8.
const NEEDS_DECODING = /[%\x80-\xff]/;

/**
 * Takes a raw request target apart without throwing: origin-form (`/a?b`), absolute-form
 * (`http://h/a?b`) and the asterisk form (`*`) are accepted; anything else, and any target holding
 * whitespace, a control character or a character above U+00FF, comes back as a problem to refuse.
 * Hosts phrase the refusal themselves (sync §7.2, async §3.1.2).
 *
 * @example
 * parseRequestTarget('/a%2Fb/caf%C3%A9?x=1'); // { ok: true, rawPath: '/a%2Fb/caf%C3%A9', path: '/a/b/café', query: 'x=1' }
 * parseRequestTarget('http://h?q=1');         // { ok: true, rawPath: '/', path: '/', query: 'q=1', authority: 'h' }
 * parseRequestTarget('foo');                  // { ok: false, problem: 'form' }
 */
export function parseRequestTarget(target: string): ParsedRequestTarget {
  if (target.charCodeAt(0) === SLASH) {
    const origin = parseOriginForm(target);
    if (origin !== null) return origin;
  }
  if (!isLatin1(target)) return { ok: false, problem: 'not-latin1' };
  if (INVALID.test(target)) return { ok: false, problem: 'whitespace' };
  if (target === '*') return { ok: true, rawPath: '*', path: '*', query: '' };

  let rest = target;
  let authority: string | undefined;
  if (!target.startsWith('/')) {
    const absolute = ABSOLUTE.exec(target);
    if (absolute === null) return { ok: false, problem: 'form' };
    authority = absolute[1] ?? '';
    rest = target.slice(absolute[0].length);
    // RFC 9112 §3.2.2: an absolute-form target with an empty path ('http://h' or 'http://h?q') means '/'.
    if (!rest.startsWith('/')) rest = `/${rest}`;
  }
  // RFC 9110 §4.2.5: a fragment is never sent; ignore one a careless client sent (RAW_URI keeps it).
  const hash = rest.indexOf('#');
  if (hash !== -1) rest = rest.slice(0, hash);
  const mark = rest.indexOf('?');
  const rawPath = mark === -1 ? rest : rest.slice(0, mark);
  const query = mark === -1 ? '' : rest.slice(mark + 1);
  // Most paths are plain ASCII with no escapes: they decode to themselves.
  const path = NEEDS_DECODING.test(rawPath) ? decodeUtf8(percentDecode(rawPath)) : rawPath;
  return authority === undefined ? { ok: true, rawPath, path, query } : { ok: true, rawPath, path, query, authority };
}

const SLASH = 0x2f;

// The common case in one pass: an origin-form target ('/a/b?x') of plain characters. Anything else
// (a problem to report, an escape or a byte past ASCII in the path) is left to the general parse.
function parseOriginForm(target: string): ParsedRequestTarget | null {
  let mark = -1;
  for (let i = 0; i < target.length; i++) {
    const code = target.charCodeAt(i);
    if (code <= 0x20 || code >= 0x7f || code === 0x23 /* # */) return null;
    if (code === 0x25 /* % */ && mark === -1) return null;
    if (code === 0x3f /* ? */ && mark === -1) mark = i;
  }
  if (mark === -1) return { ok: true, rawPath: target, path: target, query: '' };
  const rawPath = target.slice(0, mark);
  return { ok: true, rawPath, path: rawPath, query: target.slice(mark + 1) };
}

/**
 * Splits a raw request target, throwing what createEnviron throws: RequestError (400) for a target to
 * refuse, SyncSpecError for a host that passed text instead of latin-1 bytes.
 *
 * @example
 * parseTarget('/a%2Fb/caf%C3%A9?x=1&x=2'); // { path: '/a/b/café', query: 'x=1&x=2' }
 * parseTarget('http://example.com'); // { path: '/', query: '', authority: 'example.com' }
 */
export function parseTarget(target: string): ParsedTarget {
  const parsed = parseRequestTarget(target);
  // The parts as they are: rawPath rides along unused rather than costing a copy of the object.
  if (parsed.ok) return parsed;
  if (parsed.problem === 'not-latin1') throw new SyncSpecError(`${REQUEST_NOT_LATIN1}: target ${JSON.stringify(target)}`);
  if (parsed.problem === 'whitespace') throw new RequestError(`${BAD_TARGET}: it contains whitespace or a control character`);
  throw new RequestError(`${BAD_TARGET}: got ${JSON.stringify(target.slice(0, 60))}`);
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
