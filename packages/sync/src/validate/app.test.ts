import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8 } from '../bytes.js';
import { callApp, type CallAppRequest } from '../call-app.js';
import { createErrorStream } from '../error-stream.js';
import * as m from '../messages.js';
import type { ResponseBody, SyncApp } from '../types.js';
import { validate } from './validate.js';

const bytes = encodeUtf8;
/** Runs an app under validate() on the reference host, callApp. */
const run = (app: SyncApp, request: CallAppRequest = {}) => callApp(validate(app), request);

describe('validate: a valid app', () => {
  it('passes every feature through unchanged', () => {
    const logged: string[] = [];
    const app: SyncApp = (environ, start) => {
      const body = environ['tsgi.input'].readline();
      const rest = [...environ['tsgi.input']];
      environ['tsgi.errors'].write('note\n');
      environ['tsgi.errors'].writelines(['a', 'b']);
      environ['tsgi.errors'].flush();
      const write = start('201 Created', [['Content-Type', 'text/plain'], ['Content-Length', '14'], ['Set-Cookie', 'a=1']]);
      write(bytes('w:'));
      return (function* () {
        yield bytes('');
        yield body;
        yield* rest;
      })();
    };
    const result = run(app, {
      method: 'POST',
      body: 'line1\nline2\n',
      errors: createErrorStream((text) => logged.push(text)),
    });
    expect(result.status).toBe('201 Created');
    expect(result.text).toBe('w:line1\nline2\n');
    expect(logged).toEqual(['note\n', 'a', 'b']);
  });

  it('allows excInfo to replace a head that is not final', () => {
    const app: SyncApp = (_, start) => {
      start('200 OK', []);
      start('500 Internal Server Error', [['content-type', 'text/plain']], new Error('caught'));
      return [bytes('error page')];
    };
    expect(run(app)).toMatchObject({ statusCode: 500, text: 'error page' });
  });

  it('allows startResponse inside a generator and empty chunks before it', () => {
    const app: SyncApp = (_, start) =>
      (function* () {
        yield bytes('');
        start('200 OK', []);
        yield bytes('late');
      })();
    expect(run(app).text).toBe('late');
  });

  it('allows a HEAD response to declare a length it does not send', () => {
    const app: SyncApp = (_, start) => (start('200 OK', [['Content-Length', '100']]), []);
    expect(run(app, { method: 'HEAD' }).statusCode).toBe(200);
  });
});

describe('validate: the app breaks a rule', () => {
  it.each<[string, SyncApp, string]>([
    ['a numeric status', (_, start) => (start(200 as never, []), []), `${m.STATUS_FORMAT}: got number 200`],
    ['a status without reason separator', (_, start) => (start('200', []), []), m.STATUS_FORMAT],
    ['an informational status', (_, start) => (start('100 Continue', []), []), m.STATUS_RANGE],
    ['headers as an object', (_, start) => (start('200 OK', { a: 'b' } as never), []), m.HEADERS_LIST],
    ['a header pair of three', (_, start) => (start('200 OK', [['a', 'b', 'c']] as never), []), m.HEADERS_LIST],
    ['a numeric header value', (_, start) => (start('200 OK', [['Content-Length', 5]] as never), []), m.HEADERS_LIST],
    ['a header name with a space', (_, start) => (start('200 OK', [['X Y', 'z']]), []), m.HEADER_NAME],
    ['a header value with CR LF', (_, start) => (start('200 OK', [['X-A', 'a\r\nSet-Cookie: x']]), []), m.HEADER_VALUE_CONTROL],
    ['a header value beyond latin-1', (_, start) => (start('200 OK', [['X-A', '😀']]), []), m.HEADER_VALUE_LATIN1],
    ['a Status header', (_, start) => (start('200 OK', [['status', '404']]), []), m.HEADER_STATUS],
    ['a hop-by-hop header', (_, start) => (start('200 OK', [['Transfer-Encoding', 'chunked']]), []), m.HEADER_HOP_BY_HOP],
    ['a Connection header', (_, start) => (start('200 OK', [['Connection', 'close']]), []), m.HEADER_HOP_BY_HOP],
    ['startResponse with one argument', (_, start) => ((start as unknown as (s: string) => void)('200 OK'), []), m.START_RESPONSE_ARGS],
    ['startResponse twice', (_, start) => (start('200 OK', []), start('200 OK', []), []), m.START_RESPONSE_TWICE],
    ['no startResponse before a chunk', () => [bytes('x')], m.START_RESPONSE_MISSING],
    ['no startResponse at all', () => [], m.START_RESPONSE_MISSING],
    ['write() with a string', (_, start) => (start('200 OK', [])('text' as never), []), `${m.WRITE_NOT_BYTES}: got string "text"`],
    ['a chunk that is a string', (_, start) => (start('200 OK', []), ['x'] as never), m.CHUNK_NOT_BYTES],
    ['a chunk that is an ArrayBuffer', (_, start) => (start('200 OK', []), [new ArrayBuffer(1)] as never), m.CHUNK_NOT_BYTES],
    ['a string body', (_, start) => (start('200 OK', []), 'hello' as never), m.BODY_STRING],
    ['a bare Uint8Array body', (_, start) => (start('200 OK', []), bytes('x') as never), m.BODY_BYTES],
    ['a Promise', (() => Promise.resolve([])) as never, m.APP_RETURNED_PROMISE],
    ['a body that is not iterable', (_, start) => (start('200 OK', []), {} as never), m.BODY_NOT_ITERABLE],
    ['more bytes than Content-Length', (_, start) => (start('200 OK', [['Content-Length', '2']]), [bytes('abc')]), m.BODY_TOO_LONG],
    ['fewer bytes than Content-Length', (_, start) => (start('200 OK', [['Content-Length', '9']]), [bytes('abc')]), m.BODY_TOO_SHORT],
    ['two different Content-Lengths', (_, start) => (start('200 OK', [['Content-Length', '1'], ['content-length', '2']]), [bytes('a')]), m.CONTENT_LENGTH_FORMAT],
    ['a Content-Length that is not digits', (_, start) => (start('200 OK', [['Content-Length', '1e3']]), []), m.CONTENT_LENGTH_FORMAT],
  ])('rejects %s', (_, app, message) => {
    expect(() => run(app)).toThrow(message);
  });

  it('rejects write() after the response was closed', () => {
    let write: ((chunk: Uint8Array) => void) | undefined;
    run((_, start) => ((write = start('200 OK', [])), []));
    expect(() => write?.(bytes('late'))).toThrow(m.WRITE_AFTER_CLOSE);
  });

  it.each<[string, (input: Record<string, (...args: unknown[]) => unknown>) => unknown, string]>([
    ['read() with a fraction', (input) => input.read?.(1.5), m.INPUT_SIZE],
    ['readline() with a string', (input) => input.readline?.('10'), m.INPUT_SIZE],
    ['readlines() with NaN', (input) => input.readlines?.(Number.NaN), m.INPUT_SIZE],
    ['close()', (input) => input.close?.(), m.INPUT_CLOSE],
  ])('rejects tsgi.input used with %s', (_, use, message) => {
    const app: SyncApp = (environ, start) => {
      use(environ['tsgi.input'] as never);
      return (start('200 OK', []), []);
    };
    expect(() => run(app, { method: 'POST', body: 'abc' })).toThrow(message);
  });

  it.each<[string, (errors: Record<string, (...args: unknown[]) => unknown>) => unknown, string]>([
    ['write() with bytes', (errors) => errors.write?.(bytes('x')), m.ERRORS_NOT_STRING],
    ['writelines() with a number', (errors) => errors.writelines?.([1]), m.ERRORS_NOT_STRING],
    ['close()', (errors) => errors.close?.(), m.ERRORS_CLOSE],
  ])('rejects tsgi.errors used with %s', (_, use, message) => {
    const app: SyncApp = (environ, start) => {
      use(environ['tsgi.errors'] as never);
      return (start('200 OK', []), []);
    };
    expect(() => run(app, { errors: createErrorStream(() => undefined) })).toThrow(message);
  });

  it('reads the body through the checked stream without changing it', () => {
    const app: SyncApp = (environ, start) => {
      const input = environ['tsgi.input'];
      const parts = [input.read(2), input.readline(), ...input.readlines()];
      start('200 OK', []);
      return parts;
    };
    expect(decodeUtf8(run(app, { method: 'POST', body: 'abcd\nef\ngh' }).body)).toBe('abcd\nef\ngh');
  });

  it('keeps a file wrapper body recognisable', () => {
    const brand = Symbol.for('tsgi.file_wrapper');
    const wrapper = { [brand]: true, file: '/f', blockSize: 1, [Symbol.iterator]: () => [bytes('f')][Symbol.iterator]() };
    const body = validate((_, start) => (start('200 OK', []), wrapper as ResponseBody))(
      callAppEnviron(),
      () => () => undefined,
    ) as unknown as Record<PropertyKey, unknown>;
    expect([body[brand], body.file]).toEqual([true, '/f']);
    (body as { close(): void }).close();
  });
});

function callAppEnviron() {
  let captured: unknown;
  callApp((environ, start) => ((captured = environ), start('200 OK', []), []));
  return captured as Parameters<SyncApp>[0];
}
