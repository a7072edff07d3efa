import { describe, expect, it } from 'vitest';
import { messages } from '../errors.js';
import { text } from '../responses/helpers.js';
import { clearCookie, serializeCookie, setCookie } from './serialize.js';

describe('serializeCookie', () => {
  it('writes every attribute and encodes the value', () => {
    expect(
      serializeCookie('id', 'a;b c', { domain: 'a.test', path: '/x', expires: new Date(0), secure: true, httpOnly: true, sameSite: 'Strict', partitioned: true }),
    ).toBe('id=a%3Bb%20c; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Domain=a.test; Path=/x; Secure; HttpOnly; SameSite=Strict; Partitioned');
  });

  it('refuses a name that is not a token and an attribute that would end the header', () => {
    expect(() => serializeCookie('a b', 'x')).toThrow(messages.badValue(`cookie name 'a b'`));
    expect(() => serializeCookie('a', 'x', { path: '/;evil' })).toThrow(messages.badValue('cookie attribute Path=/;evil'));
  });
});

describe('setCookie and clearCookie', () => {
  it('add one Set-Cookie header each and return the response', () => {
    const res = text('hi');
    expect(clearCookie(setCookie(res, 'a', '1'), 'b', { path: '/x' })).toBe(res);
    expect(res.headers.getAll('set-cookie')).toEqual(['a=1; Path=/', 'b=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/x']);
  });
});
