import type { HeaderList } from '@tsgi/async';
import { RouterError, messages } from '../errors.js';

// RFC 9110 §5.5: a field value is visible ASCII, obs-text, SP and HTAB; CR, LF and NUL would let a
// value smuggle a header or a response (CWE-113). Anything above U+00FF is not a byte.
const BAD_VALUE = /[\0\r\n\u0100-\uffff]/;

/** Headers a response accepts: a list of pairs, or an object of name → value. */
export type HeadersInit = HeaderList | Record<string, string>;

/**
 * Response headers: an ordered list of pairs with case-insensitive helpers. Names are stored
 * lower-case; repeated headers (Set-Cookie above all) stay separate pairs, never comma-joined.
 *
 * @example
 * const h = new ResponseHeaders({ 'Content-Type': 'text/plain' });
 * h.append('set-cookie', 'a=1');
 * h.append('set-cookie', 'b=2');
 * h.list; // [['content-type', 'text/plain'], ['set-cookie', 'a=1'], ['set-cookie', 'b=2']]
 */
export class ResponseHeaders {
  readonly list: HeaderList = [];

  constructor(init?: HeadersInit) {
    if (!init) return;
    for (const [name, value] of Array.isArray(init) ? init : Object.entries(init)) this.append(name, value);
  }

  /** Adds a header, keeping any already set under the name. */
  append(name: string, value: string): this {
    if (BAD_VALUE.test(value)) throw new RouterError(messages.headerValue(name), { code: 'header' });
    this.list.push([name.toLowerCase(), value]);
    return this;
  }

  /** Replaces every header of this name with one. */
  set(name: string, value: string): this {
    return this.delete(name).append(name, value);
  }

  /** The first value of this name, or null. */
  get(name: string): string | null {
    const key = name.toLowerCase();
    return this.list.find(([n]) => n === key)?.[1] ?? null;
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }

  delete(name: string): this {
    const key = name.toLowerCase();
    for (let i = this.list.length - 1; i >= 0; i--) if (this.list[i]?.[0] === key) this.list.splice(i, 1);
    return this;
  }
}
