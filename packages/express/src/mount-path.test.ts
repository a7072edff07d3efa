import { describe, expect, it } from 'vitest';
import { decodePath, isBelowMount, normalizeMountPath } from './mount-path.js';

describe('decodePath', () => {
  it('decodes percent-escapes, %2F included, as UTF-8', () => {
    expect(decodePath('/caf%C3%A9/a%2Fb')).toBe('/café/a/b');
  });

  it('keeps a stray % and replaces invalid UTF-8 with U+FFFD', () => {
    expect(decodePath('/100%/x%zz')).toBe('/100%/x%zz');
    expect(decodePath('/bad%FF')).toBe('/bad\uFFFD');
  });

  it('returns plain ASCII paths unchanged', () => {
    expect(decodePath('/api/v1')).toBe('/api/v1');
  });
});

describe('normalizeMountPath', () => {
  it('adds the leading slash and drops trailing ones', () => {
    expect(normalizeMountPath('api/')).toBe('/api');
    expect(normalizeMountPath('/api//')).toBe('/api');
  });

  it('treats the root as the empty root path', () => {
    expect(normalizeMountPath('/')).toBe('');
    expect(normalizeMountPath('')).toBe('');
  });
});

describe('isBelowMount', () => {
  it('owns the mount path and what lies below it, on whole segments', () => {
    expect(isBelowMount('/api', '/api')).toBe(true);
    expect(isBelowMount('/api/ws?x=1', '/api')).toBe(true);
    expect(isBelowMount('/apiary', '/api')).toBe(false);
    expect(isBelowMount('/other/api', '/api')).toBe(false);
  });

  it('compares case-sensitively and after decoding, like the root-path rule', () => {
    expect(isBelowMount('/API/ws', '/api')).toBe(false);
    expect(isBelowMount('/caf%C3%A9/ws', '/café')).toBe(true);
  });

  it('reads the path of an absolute-form target', () => {
    expect(isBelowMount('http://example.com/api/ws', '/api')).toBe(true);
    expect(isBelowMount('http://example.com/elsewhere', '/api')).toBe(false);
  });

  it('owns everything when mounted at the root', () => {
    expect(isBelowMount('/anything', '')).toBe(true);
  });
});
