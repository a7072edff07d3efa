import { describe, expect, it } from 'vitest';
import { queryFromMaps } from './query.js';

describe('queryFromMaps', () => {
  it('re-encodes decoded API Gateway values so & = + and spaces survive', () => {
    expect(queryFromMaps({ q: ['a b', 'c&d=e', '1+1', 'é'] }, null, 'decoded')).toBe('q=a%20b&q=c%26d%3De&q=1%2B1&q=%C3%A9');
  });

  it('round-trips through URLSearchParams', () => {
    const values = ['a b', 'c&d=e', "it's (1*2)!", '100%', 'é/?#'];
    const query = queryFromMaps({ k: values }, null, 'decoded');
    expect(new URLSearchParams(query).getAll('k')).toEqual(values);
  });

  it('encodes only what would change the meaning of a decoded value: [ ] { } | stay literal', () => {
    expect(queryFromMaps({ 'a[]': ['{x}|y', '50%', 'a#b'] }, null, 'decoded')).toBe('a[]={x}|y&a[]=50%25&a[]=a%23b');
  });

  it('passes ALB values through, since ALB leaves them encoded', () => {
    expect(queryFromMaps({ q: ['a%20b', 'c%26d'], 'k[]': ['{x}'] }, null, 'encoded')).toBe('q=a%20b&q=c%26d&k[]={x}');
  });

  it('prefers the multi-value map, which keeps repeated keys', () => {
    expect(queryFromMaps({ tag: ['a', 'b'] }, { tag: 'b' }, 'decoded')).toBe('tag=a&tag=b');
  });

  it('falls back to the single-value map, and to nothing', () => {
    expect(queryFromMaps(null, { a: '1', b: '' }, 'decoded')).toBe('a=1&b=');
    expect(queryFromMaps(undefined, null, 'decoded')).toBe('');
    expect(queryFromMaps({}, { a: '1' }, 'decoded')).toBe('a=1');
  });
});
