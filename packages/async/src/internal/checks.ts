// Shape checks shared by the validator and the kits (async §2.3, §2.4). Each throws AsyncSpecError.
import { AsyncSpecError } from '../errors.js';
import { COMMON_MESSAGES } from '../messages.js';
import type { HeaderList } from '../types/common.js';

// RFC 9110 §5.6.2: token = 1*tchar.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// RFC 9110 §5.5: a field value may hold obs-text (0x80-0xFF) but never CR, LF or NUL.
const BAD_VALUE = /[\r\n\0]|[^\0-\xff]/;

/** Throws unless `value` is an object with a string `type`; returns that type. */
export function eventType(event: unknown): string {
  if (typeof event !== 'object' || event === null || typeof (event as { type?: unknown }).type !== 'string') {
    throw new AsyncSpecError(COMMON_MESSAGES.badEvent);
  }
  return (event as { type: string }).type;
}

/** Throws unless `headers` (when present) is a valid header list; returns it or []. */
export function checkHeaders(headers: unknown, where: string): HeaderList {
  if (headers === undefined) return [];
  if (!Array.isArray(headers)) throw new AsyncSpecError(COMMON_MESSAGES.badHeaders(where));
  for (const pair of headers as unknown[]) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      throw new AsyncSpecError(COMMON_MESSAGES.badHeaders(where));
    }
    const [name, value] = pair as [string, string];
    if (!TOKEN.test(name)) throw new AsyncSpecError(COMMON_MESSAGES.badHeaderName(name));
    if (BAD_VALUE.test(value)) throw new AsyncSpecError(COMMON_MESSAGES.badHeaderValue(name));
  }
  return headers as HeaderList;
}

/** True for an RFC 9110 token: a header name, a method. */
export function isToken(value: string): boolean {
  return TOKEN.test(value);
}

/** True for a latin-1 string without CR, LF or NUL. */
export function isFieldText(value: unknown): value is string {
  return typeof value === 'string' && !BAD_VALUE.test(value);
}

export function checkBytes(value: unknown, type: string, key: string): Uint8Array {
  if (value === undefined) return EMPTY;
  if (!(value instanceof Uint8Array)) throw new AsyncSpecError(COMMON_MESSAGES.notBytes(type, key));
  return value;
}

export function checkBoolean(value: unknown, type: string, key: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new AsyncSpecError(COMMON_MESSAGES.notBoolean(type, key));
  return value;
}

export const EMPTY = new Uint8Array(0);

/** async §2.1: the app returns a Promise; anything else is a failure, reported as one. */
export function expectPromise(result: unknown): Promise<unknown> {
  if (typeof (result as { then?: unknown } | null)?.then !== 'function') throw new AsyncSpecError(COMMON_MESSAGES.notAPromise);
  return result as Promise<unknown>;
}

/** Looks a header up case-insensitively; every value, in order. */
export function headerValues(headers: HeaderList, name: string): string[] {
  const values: string[] = [];
  // Comparing lengths first spares a lower-cased copy of every other name.
  for (const [key, value] of headers) if (key.length === name.length && key.toLowerCase() === name) values.push(value);
  return values;
}
