// Conditional requests and ranges for file responses (RFC 9110 §13 and §14).
import type { HeaderMap } from '../headers.js';

/** What a file response knows about its representation. */
export interface Validators {
  etag: string;
  /** Seconds since the epoch, or null when unknown. */
  modified: number | null;
}

const tags = (header: string): string[] => header.split(',').map((t) => t.trim());
const opaque = (tag: string): string => (tag.startsWith('W/') ? tag.slice(2) : tag);
const seconds = (date: string | null): number => (date === null ? NaN : Math.floor(Date.parse(date) / 1000));

/**
 * Evaluates the preconditions in RFC 9110 §13.2.2's order: 412 when If-Match or If-Unmodified-Since
 * fails, 304 (GET/HEAD) or 412 when If-None-Match or If-Modified-Since says the client has it,
 * otherwise null (go on and send the representation).
 *
 * @example
 * // If-None-Match: W/"1-2"
 * precondition('GET', req.headers, { etag: 'W/"1-2"', modified: 0 }); // 304
 */
export function precondition(method: string, headers: HeaderMap, v: Validators): 304 | 412 | null {
  const ifMatch = headers.get('if-match');
  if (ifMatch !== null) {
    // §13.1.1: strong comparison, so a weak tag never matches.
    if (!tags(ifMatch).some((t) => t === '*' || (t === v.etag && !t.startsWith('W/')))) return 412;
  } else {
    const since = seconds(headers.get('if-unmodified-since'));
    if (!Number.isNaN(since) && v.modified !== null && v.modified > since) return 412;
  }
  const safe = method === 'GET' || method === 'HEAD';
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    // §13.1.2: weak comparison.
    if (tags(ifNoneMatch).some((t) => t === '*' || opaque(t) === opaque(v.etag))) return safe ? 304 : 412;
  } else if (safe) {
    const since = seconds(headers.get('if-modified-since'));
    if (!Number.isNaN(since) && v.modified !== null && v.modified <= since) return 304;
  }
  return null;
}

/**
 * The byte range to send (RFC 9110 §14.2): `[start, end)` for one satisfiable range, 'unsatisfiable'
 * for 416, or null to send the whole file (no Range, several ranges, a syntax we ignore, or an If-Range
 * that no longer matches).
 *
 * @example
 * // Range: bytes=-5
 * byteRange(req.headers, 100, validators); // [95, 100]
 */
export function byteRange(headers: HeaderMap, size: number, v: Validators): [number, number] | 'unsatisfiable' | null {
  const header = headers.get('range');
  const match = header === null ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const ifRange = headers.get('if-range');
  if (ifRange !== null) {
    // §13.1.5: a tag must match strongly; a date must equal Last-Modified exactly.
    const fresh = ifRange.startsWith('"') ? ifRange === v.etag : v.modified !== null && seconds(ifRange) === v.modified;
    if (!fresh) return null;
  }
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = Number(match[2]) === 0 ? 0 : size;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size : Math.min(size, Number(match[2]) + 1);
    // §14.1.1: a last-pos below first-pos makes the header invalid, so it is ignored.
    if (match[2] !== '' && Number(match[2]) < start) return null;
  }
  return start >= size || end <= start ? 'unsatisfiable' : [start, end];
}
