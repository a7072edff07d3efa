import { describe, expect, it } from 'vitest';
import { messages } from './errors.js';
import { HeaderMap, toHeaders } from './headers.js';

describe('HeaderMap', () => {
  it('matches names case-insensitively and joins repeats, with "; " for Cookie', () => {
    const h = toHeaders([['X-A', '1'], ['x-a', '2'], ['Cookie', 'a=1'], ['cookie', 'b=2']]);
    expect(h.get('x-A')).toBe('1, 2');
    expect(h.getAll('X-A')).toEqual(['1', '2']);
    expect(h.get('COOKIE')).toBe('a=1; b=2');
    expect(h.get('missing')).toBeNull();
  });

  it('sets, appends and deletes, keeping order', () => {
    const h = new HeaderMap().append('a', '1').append('b', '2').append('a', '3').set('b', '4');
    expect(h.list).toEqual([['a', '1'], ['a', '3'], ['b', '4']]);
    expect(h.delete('A').has('a')).toBe(false);
  });

  it('refuses values that could split a header or are not bytes', () => {
    for (const bad of ['a\r\nb', 'a\nb', 'a\0', '\u2028']) {
      expect(() => new HeaderMap().set('x', bad)).toThrow(messages.badValue(`value for header 'x'`));
    }
  });
});
