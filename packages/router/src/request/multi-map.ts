/**
 * Names to one or more values, in the order they arrived: query strings, forms.
 *
 * @example
 * const q = new MultiMap([['tag', 'a'], ['tag', 'b']]);
 * q.get('tag');    // 'a'
 * q.getAll('tag'); // ['a', 'b']
 */
export class MultiMap<V = string> {
  readonly #map = new Map<string, V[]>();

  constructor(entries: Iterable<readonly [string, V]> = []) {
    for (const [name, value] of entries) {
      const list = this.#map.get(name);
      if (list) list.push(value);
      else this.#map.set(name, [value]);
    }
  }

  /** The first value for `name`, or null. */
  get(name: string): V | null {
    return this.#map.get(name)?.[0] ?? null;
  }

  /** Every value for `name`, in order; empty when absent. */
  getAll(name: string): V[] {
    return this.#map.get(name)?.slice() ?? [];
  }

  has(name: string): boolean {
    return this.#map.has(name);
  }

  keys(): string[] {
    return [...this.#map.keys()];
  }

  /** Every pair, names grouped in first-seen order. */
  entries(): Array<[string, V]> {
    return [...this.#map].flatMap(([name, values]) => values.map((v): [string, V] => [name, v]));
  }

  /** A plain object: one value per name, an array where a name repeats. */
  toObject(): Record<string, V | V[]> {
    const out: Record<string, V | V[]> = {};
    for (const [name, values] of this.#map) out[name] = values.length === 1 ? (values[0] as V) : values.slice();
    return out;
  }
}
