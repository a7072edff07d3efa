import { describe, expect, it } from 'vitest';
import * as m from './messages.js';
import { HOP_BY_HOP_HEADERS, checkHeaders, checkStatus } from './response-head.js';

describe('checkStatus', () => {
  it.each([
    ['200 OK', 200],
    ['404 Not Found', 404],
    ['204 ', 204],
    ['599 Custom\treason é', 599],
  ])('accepts %j', (status, code) => {
    expect(checkStatus(status)).toBe(code);
  });

  it.each([200, '200', '200OK', '20 OK', '2000 OK', 'abc OK', '200 OK\r\nX: y', '200 OK\n', ' 200 OK', '200 Ä日'])(
    'rejects %j as not three digits, a space and a reason phrase',
    (status) => {
      expect(() => checkStatus(status)).toThrow(m.STATUS_FORMAT);
    },
  );

  it.each(['100 Continue', '101 Switching Protocols', '099 Low', '600 High'])('rejects %j as not a final status', (status) => {
    expect(() => checkStatus(status)).toThrow(m.STATUS_RANGE);
  });

  it('names what it got', () => {
    expect(() => checkStatus(200)).toThrow(`${m.STATUS_FORMAT}: got number 200`);
  });
});

describe('checkHeaders', () => {
  it('accepts every RFC 9110 token and latin-1 value, including ones wsgiref rejects', () => {
    const headers: Array<[string, string]> = [
      ['X-Foo.Bar', 'a'],
      ['x_legacy', 'b'],
      ['1st-Header', 'c'],
      ['X-Trailing-', 'd'],
      ['X-Tab', 'a\tb'],
      ['X-Latin', 'café'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
      ['Content-Length', '12'],
    ];
    expect(checkHeaders(headers)).toBe(headers);
  });

  it.each([
    ['not an array', 'content-type: text/plain', m.HEADERS_LIST],
    ['a tuple of the wrong length', [['a', 'b', 'c']], m.HEADERS_LIST],
    ['a number value', [['Content-Length', 12]], m.HEADERS_LIST],
    ['a name with a space', [['Bad Name', 'x']], m.HEADER_NAME],
    ['a name with a colon', [['X:Y', 'x']], m.HEADER_NAME],
    ['an empty name', [['', 'x']], m.HEADER_NAME],
    ['a value with CR LF', [['X-A', 'a\r\nX-B: b']], m.HEADER_VALUE_CONTROL],
    ['a value with LF', [['X-A', 'a\nb']], m.HEADER_VALUE_CONTROL],
    ['a value with NUL', [['X-A', 'a\0b']], m.HEADER_VALUE_CONTROL],
    ['a value with another control character', [['X-A', 'a\x01b']], m.HEADER_VALUE_CONTROL],
    ['a value with DEL', [['X-A', 'a\x7fb']], m.HEADER_VALUE_CONTROL],
    ['a value beyond latin-1', [['X-A', '日本']], m.HEADER_VALUE_LATIN1],
    ['a Status header', [['Status', '200 OK']], m.HEADER_STATUS],
    ['a Content-Length that is not a number', [['Content-Length', 'ten']], m.CONTENT_LENGTH_FORMAT],
  ])('rejects %s', (_, headers, message) => {
    expect(() => checkHeaders(headers)).toThrow(message);
  });

  it('checks each value of a name it accepted before as strictly as the first', () => {
    expect(checkHeaders([['X-Seen-Before', 'fine']])).toEqual([['X-Seen-Before', 'fine']]);
    expect(() => checkHeaders([['X-Seen-Before', 'a\nb']])).toThrow(m.HEADER_VALUE_CONTROL);
    expect(() => checkHeaders([['X-Seen-Before', '日本']])).toThrow(m.HEADER_VALUE_LATIN1);
    expect(checkHeaders([['Content-Length', '5']])).toEqual([['Content-Length', '5']]);
    expect(() => checkHeaders([['Content-Length', 'five']])).toThrow(m.CONTENT_LENGTH_FORMAT);
  });

  it.each([...HOP_BY_HOP_HEADERS])('rejects the hop-by-hop header %s in any case', (name) => {
    expect(() => checkHeaders([[name.toUpperCase(), 'x']])).toThrow(`${m.HEADER_HOP_BY_HOP}: ${name.toUpperCase()}`);
  });
});
