import type { HeaderList } from '@tsgi/async';

/**
 * Request headers with case-insensitive names. Values are as received (latin-1).
 *
 * @example
 * const h = new RequestHeaders([['Accept', 'text/html'], ['x-tag', 'a'], ['x-tag', 'b']]);
 * h.get('accept');   // 'text/html'
 * h.get('X-Tag');    // 'a, b'  (RFC 9110 §5.3: repeats combine with ', ')
 * h.getAll('x-tag'); // ['a', 'b']
 */
export class RequestHeaders {
  #map: Map<string, string[]> | null = null;

  constructor(readonly list: HeaderList) {}

  get #lookup(): Map<string, string[]> {
    if (this.#map) return this.#map;
    const map = new Map<string, string[]>();
    for (const [name, value] of this.list) {
      const key = name.toLowerCase();
      const values = map.get(key);
      if (values) values.push(value);
      else map.set(key, [value]);
    }
    return (this.#map = map);
  }

  /** The value, repeats joined with ', ' ('; ' for Cookie, RFC 9113 §8.2.3); null when absent. */
  get(name: string): string | null {
    const key = name.toLowerCase();
    return this.#lookup.get(key)?.join(key === 'cookie' ? '; ' : ', ') ?? null;
  }

  getAll(name: string): string[] {
    return this.#lookup.get(name.toLowerCase())?.slice() ?? [];
  }

  has(name: string): boolean {
    return this.#lookup.has(name.toLowerCase());
  }
}
