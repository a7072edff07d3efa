import { describe, expect, it } from 'vitest';
import { messages } from '../errors.js';
import { buildPath } from './url.js';

describe('buildPath', () => {
  it('encodes params, keeps wildcard slashes, drops missing optional segments', () => {
    expect(buildPath('n', '/u/:id/:tab?', { id: 'a/b c' })).toBe('/u/a%2Fb%20c');
    expect(buildPath('n', '/f/*', { '*': 'x/y z' })).toBe('/f/x/y%20z');
    expect(buildPath('n', '/f/*rest', {})).toBe('/f');
    expect(buildPath('n', '/', {})).toBe('/');
    expect(buildPath('n', '/n/:id', { id: 7 })).toBe('/n/7');
  });

  it('throws naming the missing required param', () => {
    expect(() => buildPath('user', '/u/:id')).toThrow(messages.missingParam('user', 'id'));
  });
});
