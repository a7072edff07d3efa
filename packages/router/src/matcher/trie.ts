// A segment trie compiled once from the route table (STYLE.md rule 6). Matching walks the decoded
// path in place: a static child is found by its first character and compared with `startsWith`, so
// a lookup slices no segment and hashes no string; only captured params are sliced, once, on a match.
// Static beats param beats wildcard, and a path that matches but is refused by `accept` (wrong
// method) backtracks, so `GET /users/new` can still reach `/users/:id` when `/users/new` only has POST.

interface Node<T> {
  /** The segment this static child stands for. */
  seg: string;
  /** Static children by the first char code of their segment ('/' for the empty segment, and NUL). */
  kids: Array<Array<Node<T>> | undefined> | null;
  param: Node<T> | null;
  /** The value stored at this exact path. */
  value: T | null;
  /** The value of a trailing wildcard (or mount) below this node. */
  wildcard: T | null;
}

const node = <T>(seg: string): Node<T> => ({ seg, kids: null, param: null, value: null, wildcard: null });

/**
 * A compiled path matcher holding one value per concrete path shape.
 *
 * @example
 * const m = createTrie<Set<string>>((methods, method) => methods.has(method));
 * m.upsert(['users', ':'], () => new Set()).add('GET');
 * m.match('/users/42', 'GET'); // Set { 'GET' }, and m.param(0) is '42'
 */
export interface Trie<T> {
  /** Returns the value at `segments`, creating it with `create` when absent. */
  upsert(segments: readonly string[], create: () => T): T;
  /**
   * Finds the first value at `path` that `accept(value, key)` takes, or null. When none does,
   * `fallback` holds the first value whose path matched, so the caller can answer 405 instead of 404.
   */
  match(path: string, key: string): T | null;
  /** Param `i` (in pattern order) of the last `match` that found a value; sliced only when asked for. */
  param: (i: number) => string;
  /** Where the last param of that match begins, less one: the '/' before a wildcard's remainder, or the path's end. */
  restAt: () => number;
  /** The first path-only match of the last `match` call that returned null. */
  fallback: T | null;
  /** Every stored value, in insertion order. */
  values: T[];
}

/** Creates an empty trie; `accept` decides whether a value at a matching path fits `key` (a method). */
export function createTrie<T>(accept: (value: T, key: string) => boolean): Trie<T> {
  const root = node<T>('');
  const all: T[] = [];
  const add = (value: T): T => (all.push(value), value);
  // Paths with no params are also kept whole: most tables are mostly static, and one Map lookup beats
  // a walk.
  const statics = new Map<string, T>();
  // Start and end offsets of each captured value, two per param; sliced only once a value is taken.
  const at: number[] = [];
  let path = '';
  let key = '';
  // How many offsets the last value taken captured.
  let taken = 0;

  const take = (value: T | null | undefined, depth: number): value is T => {
    if (value == null) return false;
    if (accept(value, key)) {
      taken = depth;
      return true;
    }
    trie.fallback ??= value;
    return false;
  };

  // `pos` is at the '/' before the next segment, or at the end of the path; `depth` counts offsets in `at`.
  const walk = (n: Node<T>, pos: number, depth: number): T | null => {
    const length = path.length;
    if (pos === length) {
      if (take(n.value, depth)) return n.value;
    } else {
      const start = pos + 1;
      // Past the end (a trailing slash) charCodeAt is NaN: the empty segment's bucket, like a '/' is.
      const kids = n.kids?.[path.charCodeAt(start) || 47];
      if (kids) {
        for (const kid of kids) {
          // A segment holds no '/', so at most one kid ends where the path's segment does.
          const end = start + kid.seg.length;
          if ((end < length ? path.charCodeAt(end) === 47 : end === length) && path.startsWith(kid.seg, start)) {
            const found = walk(kid, end, depth);
            if (found !== null) return found;
            break;
          }
        }
      }
      if (n.param) {
        let end = path.indexOf('/', start);
        if (end === -1) end = length;
        if (start < end) {
          at[depth] = start;
          at[depth + 1] = end;
          const found = walk(n.param, end, depth + 2);
          if (found !== null) return found;
        }
      }
    }
    if (n.wildcard !== null) {
      at[depth] = pos + 1;
      at[depth + 1] = length;
      if (take(n.wildcard, depth + 2)) return n.wildcard;
    }
    return null;
  };

  const trie: Trie<T> = {
    fallback: null,
    param: (i) => path.slice(at[2 * i], at[2 * i + 1]),
    restAt: () => (at[taken - 2] as number) - 1,
    upsert(segments, create) {
      let n = root;
      // parsePattern never makes a static segment of ':' or '*'; a wildcard is always last.
      for (const seg of segments) {
        if (seg === '*') return (n.wildcard ??= add(create()));
        if (seg === ':') n = n.param ??= node('');
        else {
          const kids = ((n.kids ??= [])[seg.charCodeAt(0) || 47] ??= []);
          let kid = kids.find((k) => k.seg === seg);
          if (!kid) kids.push((kid = node(seg)));
          n = kid;
        }
      }
      if (n.value === null) {
        n.value = add(create());
        if (!segments.includes(':')) statics.set('/' + segments.join('/'), n.value);
      }
      return n.value;
    },
    match(target, matchKey) {
      path = target;
      key = matchKey;
      trie.fallback = null;
      const whole = statics.get(target);
      if (take(whole, 0)) return whole;
      return target[0] === '/' ? walk(root, 0, 0) : null;
    },
    values: all,
  };
  return trie;
}
