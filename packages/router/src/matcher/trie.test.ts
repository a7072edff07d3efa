import { describe, expect, it } from 'vitest';
import { parsePattern } from './pattern.js';
import { createTrie } from './trie.js';

function table(patterns: string[]) {
  const trie = createTrie<{ pattern: string; names: string[]; methods: string[] }>((v, method) =>
    v.methods.some((x) => x.startsWith(method)),
  );
  for (const [i, pattern] of patterns.entries()) {
    const [p, method = 'GET'] = pattern.split(' ');
    for (const shape of parsePattern(p as string)) {
      const v = trie.upsert(shape.segments, () => ({ pattern: p as string, names: shape.names, methods: [] }));
      v.methods.push(method + i);
    }
  }
  return (path: string, method = 'GET') => {
    const m = trie.match(path, method);
    if (!m) return trie.fallback ? `405 ${trie.fallback.pattern}` : null;
    return { pattern: m.pattern, params: Object.fromEntries(m.names.map((n, i) => [n, trie.param(i)])) };
  };
}

describe('createTrie', () => {
  it('matches static paths, the root and params', () => {
    const match = table(['/', '/users', '/users/:id', '/users/:id/posts/:post']);
    expect(match('/')).toEqual({ pattern: '/', params: {} });
    expect(match('/users')).toEqual({ pattern: '/users', params: {} });
    expect(match('/users/42')).toEqual({ pattern: '/users/:id', params: { id: '42' } });
    expect(match('/users/42/posts/7')).toEqual({ pattern: '/users/:id/posts/:post', params: { id: '42', post: '7' } });
    expect(match('/users/42/posts')).toBeNull();
  });

  it('treats a trailing slash as a different path', () => {
    const match = table(['/users']);
    expect(match('/users/')).toBeNull();
    expect(match('/users')).not.toBeNull();
  });

  it('prefers static over param over wildcard, and backtracks', () => {
    const match = table(['/a/new', '/a/:id', '/a/*', '/a/new/x/:y']);
    expect(match('/a/new')).toMatchObject({ pattern: '/a/new' });
    expect(match('/a/old')).toMatchObject({ pattern: '/a/:id' });
    expect(match('/a/new/x')).toMatchObject({ pattern: '/a/*', params: { '*': 'new/x' } });
    expect(match('/a/new/x/1')).toMatchObject({ pattern: '/a/new/x/:y' });
  });

  it('matches empty segments (a doubled or a trailing slash) only where the route has one', () => {
    const match = table(['/a//b', '/a/', '/a/:id', '/c/:id/']);
    expect(match('/a//b')).toMatchObject({ pattern: '/a//b' });
    expect(match('/a/')).toMatchObject({ pattern: '/a/' });
    expect(match('/a/x')).toMatchObject({ pattern: '/a/:id', params: { id: 'x' } });
    expect(match('/c/1/')).toMatchObject({ pattern: '/c/:id/', params: { id: '1' } });
    expect(match('/c/1')).toBeNull();
    expect(match('/a//c')).toBeNull();
  });

  it('tells apart static segments that share a first character and a length', () => {
    const match = table(['/search', '/static', '/stats/:id', '/s/:x']);
    expect(match('/static')).toMatchObject({ pattern: '/static' });
    expect(match('/search')).toMatchObject({ pattern: '/search' });
    expect(match('/statix')).toBeNull();
    expect(match('/stats/7')).toMatchObject({ pattern: '/stats/:id', params: { id: '7' } });
    expect(match('/s/static')).toMatchObject({ pattern: '/s/:x', params: { x: 'static' } });
  });

    it('does not let a param match an empty segment', () => {
    const match = table(['/users/:id']);
    expect(match('/users/')).toBeNull();
  });

  it('matches a trailing wildcard with an empty, one-segment or deep rest', () => {
    const match = table(['/files/*rest']);
    expect(match('/files')).toEqual({ pattern: '/files/*rest', params: { rest: '' } });
    expect(match('/files/')).toEqual({ pattern: '/files/*rest', params: { rest: '' } });
    expect(match('/files/a/b.txt')).toEqual({ pattern: '/files/*rest', params: { rest: 'a/b.txt' } });
    expect(match('/filesx')).toBeNull();
  });

  it('matches optional params with and without the segment', () => {
    const match = table(['/posts/:year?/:slug?']);
    expect(match('/posts')).toEqual({ pattern: '/posts/:year?/:slug?', params: {} });
    expect(match('/posts/2024')).toEqual({ pattern: '/posts/:year?/:slug?', params: { year: '2024' } });
    expect(match('/posts/2024/hi')).toMatchObject({ params: { year: '2024', slug: 'hi' } });
  });

  it('skips a path match whose method is refused and finds a later one', () => {
    const match = table(['/users/new POST', '/users/:id GET']);
    expect(match('/users/new', 'GET')).toMatchObject({ pattern: '/users/:id', params: { id: 'new' } });
    expect(match('/users/new', 'POST')).toMatchObject({ pattern: '/users/new' });
  });

  it('reports the first path match as fallback when no method fits', () => {
    const match = table(['/users/:id GET']);
    expect(match('/users/1', 'DELETE')).toBe('405 /users/:id');
    expect(match('/nope', 'DELETE')).toBeNull();
  });

  it('gives different names to params at the same position per route', () => {
    const match = table(['/u/:id GET', '/u/:userId/posts GET']);
    expect(match('/u/1')).toMatchObject({ params: { id: '1' } });
    expect(match('/u/1/posts')).toMatchObject({ params: { userId: '1' } });
  });

  it('returns null for a path that does not start with a slash', () => {
    expect(table(['/'])('')).toBeNull();
    expect(table(['/*'])('*')).toBeNull();
  });
});

describe('parsePattern', () => {
  it('rejects patterns without a leading slash, misplaced wildcards, bad and repeated names', () => {
    expect(() => parsePattern('users')).toThrow(/must start with '\/'/);
    expect(() => parsePattern('/a/*/b')).toThrow(/wildcard must be the last segment/);
    expect(() => parsePattern('/a/:')).toThrow(/not a valid param name/);
    expect(() => parsePattern('/a/:id/:id')).toThrow(/appears twice/);
  });

  it("refuses '__proto__' as a param name, which would set the params object's prototype", () => {
    expect(() => parsePattern('/a/:__proto__')).toThrow(/'__proto__' is not a valid param name/);
    expect(parsePattern('/a/:proto/:__proto').map((s) => s.names)).toEqual([['proto', '__proto']]);
  });

  it('leaves out later optional params with an earlier one, but never a required one', () => {
    expect(parsePattern('/p/:year?/:slug?').map((s) => s.names)).toEqual([[], ['year'], ['year', 'slug']]);
    expect(parsePattern('/:lang?/:page').map((s) => s.names)).toEqual([['page'], ['lang', 'page']]);
  });

  it('expands an optional root param into the root', () => {
    expect(parsePattern('/:lang?')).toEqual([
      { segments: [''], names: [] },
      { segments: [':'], names: ['lang'] },
    ]);
  });
});
