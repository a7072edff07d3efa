// Request headers → CONTENT_TYPE, CONTENT_LENGTH and HTTP_* (docs/spec/sync.md §4.7).
import { CR_LF_NUL, NOT_LATIN1, fieldValueFlaws, trimFieldValue } from './field-value.js';
import { RequestError, SyncSpecError } from './errors.js';
import {
  BAD_CONTENT_LENGTH,
  BAD_HEADER_NAME,
  BAD_HEADER_VALUE,
  CONTENT_LENGTH_WITH_CHUNKED,
  REQUEST_HEADERS,
  REQUEST_NOT_LATIN1,
  UNDERSCORE_HEADER,
} from './messages.js';
import type { HeaderList } from './types.js';

/** What to do with a request header whose name contains `_` (docs/spec/sync.md §4.7). */
export type UnderscoreHeaders = 'drop' | 'refuse';

// RFC 9110 §5.6.2 token.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Writes request headers into `target` as CGI variables: `X-Foo` → `HTTP_X_FOO`, repeated names joined
 * with `, ` (`Cookie` with `; `), names with `_` dropped or refused so `X_Foo` can never pose as `X-Foo`.
 * Written straight into createEnviron's environ, so no second object is built and copied per request;
 * `target` must not hold any of these variables yet.
 *
 * @example
 * const variables = {};
 * addHeaderVariables(variables, [['Accept', 'a'], ['accept', 'b'], ['X_Foo', 'evil']], 'drop');
 * // variables: { HTTP_ACCEPT: 'a, b' }
 */
export function addHeaderVariables(target: Record<string, unknown>, headers: HeaderList, underscores: UnderscoreHeaders): void {
  if (!Array.isArray(headers)) throw new SyncSpecError(`${REQUEST_HEADERS}: got ${typeof headers}`);
  let authority: string | undefined;
  let host = false;
  let length = false;
  const stamp = (calls = (calls + 1) | 0);
  for (let i = 0; i < headers.length; i++) {
    const pair: unknown = headers[i];
    const [name, value] = Array.isArray(pair) ? (pair as unknown[]) : [];
    if (typeof name !== 'string' || typeof value !== 'string') throw new SyncSpecError(REQUEST_HEADERS);
    const flaws = fieldValueFlaws(value);
    if ((flaws & NOT_LATIN1) !== 0) throw new SyncSpecError(`${REQUEST_NOT_LATIN1}: header ${name}`);
    // A name seen before passed every check on it; only its value is new.
    let known = NAMES.get(name);
    if (known === undefined) {
      // RFC 9113 §8.3.1: HTTP/2 pseudo-headers are not headers; :authority stands in for Host.
      if (name.startsWith(':')) {
        if (name === ':authority') authority = value;
        continue;
      }
      if (!TOKEN.test(name)) throw new RequestError(`${BAD_HEADER_NAME}: ${JSON.stringify(name)}`);
      if ((flaws & CR_LF_NUL) !== 0) throw new RequestError(`${BAD_HEADER_VALUE}: header ${name}`);
      if (name.includes('_')) {
        if (underscores === 'refuse') throw new RequestError(`${UNDERSCORE_HEADER}: ${name}`);
        continue;
      }
      known = learnName(name);
    } else if ((flaws & CR_LF_NUL) !== 0) {
      throw new RequestError(`${BAD_HEADER_VALUE}: header ${name}`);
    }
    const { key, slot } = known;
    if (key === 'HTTP_HOST') host = true;
    else if (key === 'CONTENT_LENGTH') length = true;
    const trimmed = trimFieldValue(value);
    // Most variables come from one field: unless this call wrote it already, there is nothing to join.
    if (slot !== -1 && written[slot] !== stamp) {
      written[slot] = stamp;
      target[key] = trimmed;
      continue;
    }
    const previous = target[key] as string | undefined;
    target[key] = previous === undefined ? trimmed : `${previous}${key === 'HTTP_COOKIE' ? '; ' : ', '}${trimmed}`;
  }
  if (authority !== undefined && !host) target.HTTP_HOST = authority;
  if (length) {
    target.CONTENT_LENGTH = contentLength(target.CONTENT_LENGTH as string);
    // RFC 9112 §6.3: Content-Length beside Transfer-Encoding is a request smuggling vector.
    if (target.HTTP_TRANSFER_ENCODING !== undefined) throw new RequestError(CONTENT_LENGTH_WITH_CHUNKED);
  }
}

/** A header name that passed every check: its CGI variable, and the slot of that variable in `written`. */
interface KnownName {
  key: string;
  /** Shared by every name of one variable ('Host', 'host'); -1 when past the bound. */
  slot: number;
}

// Clients send the same few dozen names on every request; each is checked and upper-cased once.
// Bounded, so a client inventing names cannot grow these without end.
const NAMES = new Map<string, KnownName>();
const SLOTS = new Map<string, number>();
const NAMES_KEPT = 512;
// Which call of addHeaderVariables last wrote each slot's variable. Reading the target back by a
// computed name is slow on node 20, so it is read only to join a field repeated in the same call; a
// stale match after the counter wraps only costs that read.
const written = new Int32Array(NAMES_KEPT);
let calls = 0;

function learnName(name: string): KnownName {
  const upper = name.toUpperCase().replaceAll('-', '_');
  const key = upper === 'CONTENT_TYPE' || upper === 'CONTENT_LENGTH' ? upper : `HTTP_${upper}`;
  if (NAMES.size >= NAMES_KEPT) return { key, slot: -1 };
  let slot = SLOTS.get(key);
  if (slot === undefined) {
    slot = SLOTS.size;
    SLOTS.set(key, slot);
  }
  const known = { key, slot };
  NAMES.set(name, known);
  return known;
}

// RFC 9110 §8.6: a list of identical values ("5, 5") may stand for one; anything else is refused.
function contentLength(joined: string): string {
  const values = new Set(joined.split(',').map((part) => part.trim()));
  const [only] = values;
  if (values.size !== 1 || only === undefined || !/^\d+$/.test(only)) {
    throw new RequestError(`${BAD_CONTENT_LENGTH}: got ${JSON.stringify(joined)}`);
  }
  return only.replace(/^0+(?=\d)/, '');
}
