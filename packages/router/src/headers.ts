// One header type for requests and responses: an ordered list of lower-cased pairs.
import type { HeaderList } from '@tsgi/async';
import { RouterError, messages } from './errors.js';

/** Headers for a new response: a list of pairs, or an object of name → value. */
export type HeadersInit = HeaderList | Record<string, string>;

// RFC 9110 §5.5: a field value is visible ASCII, obs-text, SP and HTAB; CR, LF and NUL would let a
// value smuggle a header or a response (CWE-113). Anything above U+00FF is not a byte.
const BAD_VALUE = /[\0\r\n\u0100-\uffff]/;

/**
 * Headers with case-insensitive names over a list of `[name, value]` pairs that keeps their order.
 * Repeated names stay separate pairs (Set-Cookie above all: never comma-joined); `get` joins them
 * with ', ' (RFC 9110 §5.3), or '; ' for Cookie (RFC 9113 §8.2.3).
 *
 * @example
 * const h = new HeaderMap().append('Set-Cookie', 'a=1').append('set-cookie', 'b=2');
 * h.list;              // [['set-cookie', 'a=1'], ['set-cookie', 'b=2']]
 * h.get('SET-COOKIE'); // 'a=1, b=2'
 */
export class HeaderMap {
  /** The pairs; names are lower-case. */
  readonly list: HeaderList;

  /** Wraps a list whose names are already lower-case (a scope's, `tsgi.raw_headers`), without copying. */
  constructor(list: HeaderList = []) {
    this.list = list;
  }

  /** Every value of this name, in order. */
  getAll(name: string): string[] {
    const key = name.toLowerCase();
    return this.list.filter(([n]) => n === key).map(([, v]) => v);
  }

  /** The value, repeats joined; null when absent. */
  get(name: string): string | null {
    const values = this.getAll(name);
    return values.length === 0 ? null : values.join(/^cookie$/i.test(name) ? '; ' : ', ');
  }

  has(name: string): boolean {
    return this.getAll(name).length > 0;
  }

  /** Adds a header, keeping those already set under the name; a value with CR, LF or NUL throws. */
  append(name: string, value: string): this {
    if (BAD_VALUE.test(value)) throw new RouterError(messages.badValue(`value for header '${name}'`), { code: 'header' });
    this.list.push([name.toLowerCase(), value]);
    return this;
  }

  /** Replaces every header of this name with one. */
  set(name: string, value: string): this {
    return this.delete(name).append(name, value);
  }

  delete(name: string): this {
    const key = name.toLowerCase();
    for (let i = this.list.length - 1; i >= 0; i--) if (this.list[i]?.[0] === key) this.list.splice(i, 1);
    return this;
  }
}

/** Builds response headers from an init, checking every value. */
export function toHeaders(init?: HeadersInit): HeaderMap {
  const headers = new HeaderMap();
  if (init) for (const [name, value] of Array.isArray(init) ? init : Object.entries(init)) headers.append(name, value);
  return headers;
}
