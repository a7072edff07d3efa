import { describe, expect, it } from 'vitest';
import { decodePath, escapePath, escapeQuery, normaliseBasePath, stripPrefix } from './path.js';

describe('escapePath', () => {
  it('leaves an already-encoded path byte for byte unchanged', () => {
    expect(escapePath("/a%2Fb/caf%C3%A9/~user/x;y=1,z@h:p/!$&'()*+")).toBe("/a%2Fb/caf%C3%A9/~user/x;y=1,z@h:p/!$&'()*+");
  });

  it('encodes what a decoded path holds that a path may not: spaces, UTF-8, ? and #', () => {
    expect(escapePath('/a b/café/é?#')).toBe('/a%20b/caf%C3%A9/%C3%A9%3F%23');
  });

  it('encodes a % that starts no valid escape', () => {
    expect(escapePath('/100%/50%2')).toBe('/100%25/50%252');
  });

  it('encodes characters outside the BMP as one UTF-8 sequence', () => {
    expect(escapePath('/😀')).toBe('/%F0%9F%98%80');
  });

  it('keeps the characters browsers send literally: [ ] | ^ { } " < > \\ `', () => {
    expect(escapePath('/a[1]/{x}|y^z/"q"<>\\`')).toBe('/a[1]/{x}|y^z/"q"<>\\`');
  });

  it('encodes controls and DEL', () => {
    expect(escapePath('/a\tb\u007f')).toBe('/a%09b%7F');
  });

  it('leaves every % of a raw path alone, escaping only what no request-target holds', () => {
    expect(escapePath('/100%/a[1] b', { raw: true })).toBe('/100%/a[1]%20b');
  });
});

describe('escapeQuery', () => {
  it('keeps ? and / but encodes spaces and #', () => {
    expect(escapeQuery('a=b/c?d&e=f g#h')).toBe('a=b/c?d&e=f%20g%23h');
  });

  it('keeps a raw query with [ ] { } | as it came', () => {
    expect(escapeQuery('a[]=1&b={x}|y&c=%20d+e&e="q"', { raw: true })).toBe('a[]=1&b={x}|y&c=%20d+e&e="q"');
  });
});

describe('decodePath', () => {
  it('decodes UTF-8 escapes and keeps malformed ones as they were', () => {
    expect(decodePath('/caf%C3%A9')).toBe('/café');
    expect(decodePath('/caf%C3%A9/%ZZ/%E9')).toBe('/café/%ZZ/%E9');
  });
});

describe('stripPrefix', () => {
  it('splits a prefix off at a segment boundary', () => {
    expect(stripPrefix('/prod/users', '/prod')).toBe('/users');
    expect(stripPrefix('/prod', '/prod')).toBe('');
  });

  it('refuses a prefix that ends inside a segment', () => {
    expect(stripPrefix('/production', '/prod')).toBeNull();
  });

  it('treats an empty prefix as matching everything', () => {
    expect(stripPrefix('/x', '')).toBe('/x');
  });
});

describe('normaliseBasePath', () => {
  it.each([
    ['', ''],
    ['/', ''],
    ['api', '/api'],
    ['/api/v1/', '/api/v1'],
  ])('normalises %j to %j', (input, output) => {
    expect(normaliseBasePath(input)).toBe(output);
  });
});
