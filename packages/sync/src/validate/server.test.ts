import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../bytes.js';
import { createEnviron } from '../environ.js';
import { createErrorStream } from '../error-stream.js';
import * as m from '../messages.js';
import type { Environ, InputStream, ResponseBody, StartResponse, SyncApp } from '../types.js';
import { validate } from './validate.js';

const bytes = encodeUtf8;
// Bodies these tests leave unclosed on purpose report to this sink, not to console.error, if collected.
const quiet = createErrorStream(() => undefined);
const environ = (more: Partial<Parameters<typeof createEnviron>[0]> = {}): Environ =>
  createEnviron({ method: 'GET', target: '/', headers: [], errors: quiet, ...more });
/** A lax server's startResponse: stores nothing, never throws. */
const lax: StartResponse = () => () => undefined;

/** An input stream whose methods return whatever the test wants. */
function fakeInput(methods: Partial<Record<'read' | 'readline' | 'readlines', () => unknown>>): InputStream {
  return {
    read: methods.read ?? (() => new Uint8Array()),
    readline: methods.readline ?? (() => new Uint8Array()),
    readlines: methods.readlines ?? (() => []),
    [Symbol.iterator]: () => [][Symbol.iterator](),
  } as InputStream;
}

function generatorApp(events: string[]): SyncApp {
  return (_, start) => {
    start('200 OK', []);
    return (function* () {
      try {
        yield bytes('a');
        yield bytes('b');
      } finally {
        events.push('finally');
      }
    })();
  };
}

describe('validate: the server breaks a rule', () => {
  it('rejects a startResponse that returns no write function', () => {
    const app = validate((_, start) => (start('200 OK', []), []));
    expect(() => app(environ(), (() => undefined) as never)).toThrow(m.START_RESPONSE_NO_WRITE);
  });

  it('rejects a server that accepts excInfo after the head is final', () => {
    const app = validate((_, start) => {
      start('200 OK', [])(bytes('sent'));
      start('500 Internal Server Error', [], new Error('late'));
      return [];
    });
    expect(() => app(environ(), lax)).toThrow(m.EXC_INFO_ACCEPTED);
  });

  it.each<[string, Parameters<typeof fakeInput>[0], (input: InputStream) => unknown, string, string?]>([
    ['read() returns a string', { read: () => 'abc' }, (input) => input.read(), m.INPUT_NOT_BYTES],
    ['read(2) returns five bytes', { read: () => bytes('abcde') }, (input) => input.read(2), m.INPUT_TOO_LONG],
    ['read() returns bytes past CONTENT_LENGTH', { read: () => bytes('abcde') }, (input) => input.read(), m.INPUT_PAST_LENGTH, '3'],
    ['readline() returns two lines', { readline: () => bytes('a\nb\n') }, (input) => input.readline(), m.INPUT_NOT_A_LINE],
    ['readlines() returns no array', { readlines: () => 'a\n' }, (input) => input.readlines(), m.INPUT_NOT_BYTES],
  ])('rejects an input stream whose %s', (_, methods, use, message, contentLength) => {
    const app = validate((env, start) => (use(env['tsgi.input']), start('200 OK', []), []));
    const headers: Array<[string, string]> = contentLength === undefined ? [] : [['Content-Length', contentLength]];
    expect(() => app(environ({ headers, body: fakeInput(methods) }), lax)).toThrow(message);
  });

  it('rejects a server that iterates the body twice', () => {
    const body = validate((_, start) => (start('200 OK', []), [bytes('x')]))(environ(), lax);
    expect([...body]).toHaveLength(1);
    expect(() => [...body]).toThrow(m.BODY_ITERATED_TWICE);
    body.close?.();
  });

  it('rejects a server that iterates the body after close()', () => {
    const body = validate((_, start) => (start('200 OK', []), [bytes('x')]))(environ(), lax);
    const iterator = body[Symbol.iterator]();
    iterator.return?.();
    body.close?.();
    expect(() => iterator.next()).toThrow(m.BODY_AFTER_CLOSE);
  });

  it('rejects a server that abandons the iterator without return(), after running the cleanup itself', () => {
    const events: string[] = [];
    const body = validate(generatorApp(events))(environ(), lax);
    body[Symbol.iterator]().next();
    expect(() => body.close?.()).toThrow(m.BODY_NOT_RETURNED);
    expect(events).toEqual(['finally']);
  });

  it('accepts return() then close() on an abandoned body', () => {
    const events: string[] = [];
    const body = validate(generatorApp(events))(environ(), lax);
    const iterator = body[Symbol.iterator]();
    iterator.next();
    iterator.return?.();
    body.close?.();
    expect(events).toEqual(['finally']);
  });

  it('owes no return() after next() threw', () => {
    const body = validate((_, start) => (start('200 OK', []), [bytes('a'), 'b'] as never))(environ(), lax);
    const iterator = body[Symbol.iterator]();
    iterator.next();
    expect(() => iterator.next()).toThrow(m.CHUNK_NOT_BYTES);
    expect(() => body.close?.()).not.toThrow();
  });

  it('reports a body the garbage collector reclaims without close() on tsgi.errors', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const reports: string[] = [];
    const errors = createErrorStream((text) => reports.push(text));
    (() => {
      const body: ResponseBody = validate((_, start) => (start('200 OK', []), [bytes('x')]))(environ({ errors }), lax);
      expect([...body]).toHaveLength(1);
    })();
    const deadline = Date.now() + 5000;
    while (reports.length === 0 && Date.now() < deadline) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(reports).toEqual([`${m.BODY_NOT_CLOSED}\n`]);
  });
});
