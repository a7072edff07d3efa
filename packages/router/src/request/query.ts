import { decode } from '../internal/bytes.js';
import { MultiMap } from './multi-map.js';

/**
 * Decodes one application/x-www-form-urlencoded component: '+' is a space, `%XX` a byte, and the
 * bytes are UTF-8 (U+FFFD for invalid ones). A stray '%' stays as it is, like browsers do.
 *
 * @example
 * decodeComponent('caf%C3%A9+au+lait'); // 'café au lait'
 */
export function decodeComponent(text: string): string {
  if (!text.includes('%') && !text.includes('+')) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const hex = c === 37 ? text.slice(i + 1, i + 3) : '';
    if (hex.length === 2 && /^[\da-f]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(c === 43 ? 32 : c & 0xff);
  }
  return decode(Uint8Array.from(bytes));
}

/**
 * Parses a query string (or a urlencoded body) into a MultiMap (WHATWG URL §5.1, urlencoded parser).
 *
 * @example
 * parseQuery('a=1&b=x+y&a=2&flag').toObject(); // { a: ['1', '2'], b: 'x y', flag: '' }
 */
export function parseQuery(query: string): MultiMap {
  const pairs: Array<[string, string]> = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    pairs.push(
      eq === -1 ? [decodeComponent(part), ''] : [decodeComponent(part.slice(0, eq)), decodeComponent(part.slice(eq + 1))],
    );
  }
  return new MultiMap(pairs);
}
