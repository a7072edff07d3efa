import { describe, expect, it } from 'vitest';
import { messages } from '../errors.js';
import { urlFor } from './url.js';

const urls = new Map([
  ['user', '/u/:id/:tab?'],
  ['file', '/f/*'],
  ['rest', '/f/*rest'],
  ['root', '/'],
]);

describe('urlFor', () => {
  it('encodes params, keeps wildcard slashes, drops missing optional segments', () => {
    expect(urlFor(urls, 'user', { id: 'a/b c' })).toBe('/u/a%2Fb%20c');
    expect(urlFor(urls, 'file', { '*': 'x/y z' })).toBe('/f/x/y%20z');
    expect(urlFor(urls, 'rest', {})).toBe('/f');
    expect(urlFor(urls, 'root')).toBe('/');
    expect(urlFor(urls, 'user', { id: 7 })).toBe('/u/7');
  });

  it('throws naming the missing required param, or the unknown route', () => {
    expect(() => urlFor(urls, 'user')).toThrow(messages.missingParam('user', 'id'));
    expect(() => urlFor(urls, 'nope')).toThrow(messages.unknownRoute('nope'));
  });
});
