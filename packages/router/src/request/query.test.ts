import { describe, expect, it } from 'vitest';
import { decodeComponent, parseQuery } from './query.js';
import { parseCookies } from './cookies.js';
import { parseMediaType } from './media-type.js';

describe('parseQuery', () => {
  it('keeps repeated names in order and empty values', () => {
    const q = parseQuery('a=1&b=&a=2&flag&&=x');
    expect(q.getAll('a')).toEqual(['1', '2']);
    expect(q.get('b')).toBe('');
    expect(q.get('flag')).toBe('');
    expect(q.get('')).toBe('x');
    expect(q.keys()).toEqual(['a', 'b', 'flag', '']);
  });

  it('decodes + as a space and percent-escapes as UTF-8, leaving stray % alone', () => {
    expect(decodeComponent('caf%C3%A9+au%20lait')).toBe('café au lait');
    expect(decodeComponent('100%+sure%zz')).toBe('100% sure%zz');
    expect(decodeComponent('%FF')).toBe('\uFFFD');
  });
});

describe('parseCookies', () => {
  it('takes the first of repeated names, unquotes and percent-decodes, keeping +', () => {
    expect(parseCookies('a=1; b="two words"; a=3; c=x%3By; d=1+1; broken')).toEqual({ a: '1', b: 'two words', c: 'x;y', d: '1+1' });
    expect(parseCookies(null)).toEqual({});
  });
});

describe('parseMediaType', () => {
  it('lower-cases the type and parameter names and unquotes values', () => {
    expect(parseMediaType('Text/HTML; Charset="UTF-8"; q=1')).toEqual({ type: 'text/html', params: { charset: 'UTF-8', q: '1' } });
    expect(parseMediaType(null)).toEqual({ type: '', params: {} });
  });
});
