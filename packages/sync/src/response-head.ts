// Checks on what an app passes to startResponse (docs/spec/sync.md §5.2–§5.4). Shared by startApp (the
// server side) and validate().
import { describe, isDigits } from './bytes.js';
import { CR_LF_NUL, NOT_LATIN1, OTHER_CONTROL, fieldValueFlaws, trimFieldValue } from './field-value.js';
import { SyncSpecError } from './errors.js';
import {
  CONTENT_LENGTH_FORMAT,
  HEADER_HOP_BY_HOP,
  HEADER_NAME,
  HEADER_STATUS,
  HEADER_VALUE_CONTROL,
  HEADER_VALUE_LATIN1,
  HEADERS_LIST,
  STATUS_FORMAT,
  STATUS_RANGE,
} from './messages.js';
import type { HeaderList } from './types.js';

// RFC 9112 §4: status-code SP reason-phrase, where the reason is HTAB / SP / VCHAR / obs-text (may be empty).
const STATUS = /^(\d{3}) [\t\x20-\x7e\x80-\xff]*$/;
// RFC 9110 §5.6.2 token.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Hop-by-hop headers an app must not send (RFC 9110 §7.6.1, PEP 3333 "Other HTTP Features"). The server
 * owns the connection, so it alone sets them.
 */
export const HOP_BY_HOP_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailers',
  'transfer-encoding',
  'upgrade',
]);

// Apps answer with a handful of status lines and header names: each is checked once, then known.
// Bounded, so an app inventing them cannot grow these without end.
const KNOWN_STATUS = new Map<string, number>();
const KNOWN_NAMES = new Map<string, string>();
const KNOWN_KEPT = 512;

/** Checks a status line and returns its code. @example checkStatus('404 Not Found'); // 404 */
export function checkStatus(status: unknown): number {
  const known = typeof status === 'string' ? KNOWN_STATUS.get(status) : undefined;
  if (known !== undefined) return known;
  const match = typeof status === 'string' ? STATUS.exec(status) : null;
  if (match === null) throw new SyncSpecError(`${STATUS_FORMAT}: got ${describe(status)}`);
  const code = Number(match[1]);
  if (code < 200 || code > 599) throw new SyncSpecError(`${STATUS_RANGE}: got ${code}`);
  if (KNOWN_STATUS.size < KNOWN_KEPT) KNOWN_STATUS.set(match[0], code);
  return code;
}

/** Checks response headers: `[name, value]` string pairs, token names, latin-1 values without CR/LF. */
export function checkHeaders(headers: unknown): HeaderList {
  if (!Array.isArray(headers)) throw new SyncSpecError(`${HEADERS_LIST}: got ${describe(headers)}`);
  for (const pair of headers as unknown[]) {
    if (!Array.isArray(pair) || pair.length !== 2) throw new SyncSpecError(`${HEADERS_LIST}: got ${describe(pair)}`);
    const [name, value] = pair as [unknown, unknown];
    if (typeof name !== 'string' || typeof value !== 'string') {
      throw new SyncSpecError(`${HEADERS_LIST}: got [${describe(name)}, ${describe(value)}]`);
    }
    const lower = checkName(name);
    const flaws = fieldValueFlaws(value);
    if ((flaws & (CR_LF_NUL | OTHER_CONTROL)) !== 0) throw new SyncSpecError(`${HEADER_VALUE_CONTROL}: header ${name} is ${JSON.stringify(value)}`);
    if ((flaws & NOT_LATIN1) !== 0) throw new SyncSpecError(`${HEADER_VALUE_LATIN1}: header ${name} is ${JSON.stringify(value)}`);
    if (lower === 'content-length' && !isDigits(trimFieldValue(value))) {
      throw new SyncSpecError(`${CONTENT_LENGTH_FORMAT}: got ${JSON.stringify(value)}`);
    }
  }
  return headers as HeaderList;
}

// A response header name an app may send, lower-cased.
function checkName(name: string): string {
  let lower = KNOWN_NAMES.get(name);
  if (lower !== undefined) return lower;
  if (!TOKEN.test(name)) throw new SyncSpecError(`${HEADER_NAME}: got ${JSON.stringify(name)}`);
  lower = name.toLowerCase();
  // CGI gateways turn a Status header into the status line; in HTTP it would silently mean nothing.
  if (lower === 'status') throw new SyncSpecError(HEADER_STATUS);
  if (HOP_BY_HOP_HEADERS.has(lower)) throw new SyncSpecError(`${HEADER_HOP_BY_HOP}: ${name}`);
  if (KNOWN_NAMES.size < KNOWN_KEPT) KNOWN_NAMES.set(name, lower);
  return lower;
}
