// A segment trie compiled once from the route table (STYLE.md rule 6). Matching walks the decoded
// path with indexOf, no regex and no split; static beats param beats wildcard, and a path that matches
// but is refused by `accept` (wrong method) backtracks, so `GET /users/new` can still reach `/users/:id`
// when `/users/new` only has POST.

interface Node<T> {
  statics: Map<string, Node<T>> | null;
  param: Node<T> | null;
  /** The value stored at this exact path. */
  value: T | null;
  /** The value of a trailing wildcard (or mount) below this node. */
  wildcard: T | null;
}

/** What `match` found: the value and the captured param values in pattern order. */
export interface Match<T> {
  value: T;
  values: string[];
}

const node = <T>(): Node<T> => ({ statics: null, param: null, value: null, wildcard: null });

/**
 * A compiled path matcher holding one value per concrete path shape.
 *
 * @example
 * const m = createTrie<Set<string>>((methods, method) => methods.has(method));
 * m.upsert(['users', ':'], () => new Set()).add('GET');
 * m.match('/users/42', 'GET'); // { value: Set { 'GET' }, values: ['42'] }
 */
export interface Trie<T> {
  /** Returns the value at `segments`, creating it with `create` when absent. */
  upsert(segments: readonly string[], create: () => T): T;
  /**
   * Finds the first value at `path` that `accept(value, key)` takes. When none does, `fallback` holds
   * the first value whose path matched, so the caller can answer 405 instead of 404.
   */
  match(path: string, key: string): Match<T> | null;
  /** The first path-only match of the last `match` call that returned null. */
  fallback: T | null;
  /** Every stored value, in insertion order. */
  values(): T[];
}

/** Creates an empty trie; `accept` decides whether a value at a matching path fits `key` (a method). */
export function createTrie<T>(accept: (value: T, key: string) => boolean): Trie<T> {
  const root = node<T>();
  const all: T[] = [];
  // Paths with no params are also kept whole: most tables are mostly static, and one Map lookup beats
  // a walk.
  const statics = new Map<string, T>();
  const values: string[] = [];
  let key = '';
  let fallback: T | null = null;

  const take = (value: T | null): boolean => {
    if (value === null) return false;
    if (accept(value, key)) return true;
    fallback ??= value;
    return false;
  };

  // `pos` is at the '/' before the next segment, or at the end of the path.
  const walk = (n: Node<T>, path: string, pos: number): T | null => {
    if (pos === path.length) {
      if (take(n.value)) return n.value;
    } else {
      const start = pos + 1;
      let end = path.indexOf('/', start);
      if (end === -1) end = path.length;
      const seg = path.slice(start, end);
      const child = n.statics?.get(seg);
      if (child) {
        const found = walk(child, path, end);
        if (found !== null) return found;
      }
      if (n.param && seg !== '') {
        values.push(seg);
        const found = walk(n.param, path, end);
        if (found !== null) return found;
        values.pop();
      }
    }
    if (n.wildcard !== null) {
      values.push(path.slice(pos + 1));
      if (take(n.wildcard)) return n.wildcard;
      values.pop();
    }
    return null;
  };

  const trie: Trie<T> = {
    fallback: null,
    upsert(segments, create) {
      let n = root;
      const last = segments.at(-1);
      const upto = last === '*' ? segments.length - 1 : segments.length;
      for (let i = 0; i < upto; i++) {
        const seg = segments[i] as string;
        if (seg === ':') n = n.param ??= node();
        else {
          n.statics ??= new Map();
          let child = n.statics.get(seg);
          if (!child) n.statics.set(seg, (child = node()));
          n = child;
        }
      }
      if (last === '*') return (n.wildcard ??= (all.push(create()), all.at(-1) as T));
      if (n.value === null) {
        n.value = create();
        all.push(n.value);
        if (!segments.includes(':')) statics.set('/' + segments.join('/'), n.value);
      }
      return n.value;
    },
    match(path, matchKey) {
      key = matchKey;
      fallback = null;
      values.length = 0;
      const whole = statics.get(path);
      if (whole !== undefined && take(whole)) return { value: whole, values: [] };
      if (path.charCodeAt(0) !== 47 /* '/' */) return null;
      const value = walk(root, path, 0);
      trie.fallback = fallback;
      return value === null ? null : { value, values: values.slice() };
    },
    values: () => all,
  };
  return trie;
}
