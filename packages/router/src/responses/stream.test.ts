import { describe, expect, it } from 'vitest';
import { formatEvent } from './stream.js';
import { serializeCookie } from './cookies.js';
import { messages } from '../errors.js';

describe('formatEvent', () => {
  it('splits multi-line fields so a newline cannot inject a field', () => {
    expect(formatEvent({ event: 'a\nretry: 1', data: 'x\r\ny' })).toBe('event: a\nevent: retry: 1\ndata: x\ndata: y\n\n');
    expect(formatEvent({ data: 0 })).toBe('data: 0\n\n');
  });
});

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
