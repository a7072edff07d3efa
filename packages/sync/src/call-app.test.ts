import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8 } from './bytes.js';
import { callApp } from './call-app.js';
import * as m from './messages.js';
import type { SyncApp } from './types.js';

const echo: SyncApp = (environ, start) => {
  const body = environ['tsgi.input'].read();
  start('200 OK', [['content-type', 'application/octet-stream'], ['x-method', environ.REQUEST_METHOD]]);
  return [encodeUtf8(`${environ.PATH_INFO}|${environ.QUERY_STRING}|${environ.CONTENT_LENGTH ?? '-'}|`), body];
};

describe('callApp', () => {
  it('answers a GET to / by default', () => {
    expect(callApp(echo)).toMatchObject({ status: '200 OK', statusCode: 200, text: '/||-|' });
  });

  it('sends a string body as UTF-8 with a Content-Length', () => {
    const result = callApp(echo, { method: 'POST', target: '/p?q=1', body: 'héllo' });
    expect(result.text).toBe('/p|q=1|6|héllo');
    expect(result.headers).toContainEqual(['x-method', 'POST']);
  });

  it('sends a terminated body without Content-Length', () => {
    expect(callApp(echo, { method: 'POST', body: encodeUtf8('abc'), bodyTerminated: true }).text).toBe('/||-|abc');
  });

  it('reads no body for HEAD but still closes it', () => {
    const events: string[] = [];
    const app: SyncApp = (_, start) => {
      start('200 OK', [['content-length', '5']]);
      return (function* () {
        try {
          events.push('next');
          yield encodeUtf8('hello');
        } finally {
          events.push('finally');
        }
      })();
    };
    const result = callApp(app, { method: 'HEAD' });
    expect([result.statusCode, result.body.length]).toEqual([200, 0]);
    expect(events).toEqual(['next', 'finally']);
  });

  it.each([['204 No Content'], ['304 Not Modified']])('drops the body of a %s response, pulling no more of it', (status) => {
    let pulled = 0;
    const app: SyncApp = (_, start) => {
      start(status, []);
      return (function* () {
        for (let i = 0; i < 3; i++) {
          pulled++;
          yield encodeUtf8('x');
        }
      })();
    };
    const result = callApp(app);
    expect([result.status, result.body.length, result.text, pulled]).toEqual([status, 0, '', 1]);
  });

  it('returns the refusal for a request the server refuses', () => {
    const result = callApp(echo, { headers: [['X_Foo', '1']], underscoreHeaders: 'refuse' });
    expect(result.statusCode).toBe(400);
    expect(result.text).toContain(m.UNDERSCORE_HEADER);
  });

  it('throws what the app throws, after closing its body', () => {
    const closed: string[] = [];
    const app: SyncApp = (_, start) => {
      start('200 OK', []);
      return Object.assign(
        (function* () {
          yield encodeUtf8('a');
          throw new Error('midway');
        })(),
        { close: () => closed.push('close') },
      );
    };
    expect(() => callApp(app)).toThrow('midway');
    expect(closed).toEqual(['close']);
  });

  it('collects write() output before the body', () => {
    const app: SyncApp = (_, start) => {
      start('200 OK', [])(encodeUtf8('w'));
      return [encodeUtf8('b')];
    };
    expect(decodeUtf8(callApp(app).body)).toBe('wb');
  });
});
