import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8 } from './bytes.js';
import { createEnviron } from './environ.js';
import { isSyncSpecError } from './errors.js';
import { createFileWrapperFactory } from './file-wrapper.js';
import * as m from './messages.js';
import { startApp, type SyncResponse } from './start-app.js';
import type { ResponseBody, StartResponse, SyncApp } from './types.js';

const bytes = encodeUtf8;
const environ = (method = 'GET') => createEnviron({ method, target: '/', headers: [] });
const OK = (start: StartResponse) => start('200 OK', [['content-type', 'text/plain']]);

function drain(response: SyncResponse): string {
  let out = '';
  for (let r = response.chunks.next(); r.done !== true; r = response.chunks.next()) out += decodeUtf8(r.value);
  return out;
}

/** A generator body that records how far it got and whether its finally block ran. */
function tracked(start: StartResponse, chunks: string[], events: string[]): ResponseBody {
  return (function* () {
    try {
      for (const chunk of chunks) {
        events.push(`yield ${chunk || '(empty)'}`);
        if (events.length === 1) OK(start);
        yield bytes(chunk);
      }
    } finally {
      events.push('finally');
    }
  })();
}

describe('startApp', () => {
  it('returns the head and the first chunk, pulling nothing more', () => {
    const events: string[] = [];
    const response = startApp((_, start) => tracked(start, ['a', 'b'], events), environ());
    expect([response.status, response.statusCode, response.headers]).toEqual(['200 OK', 200, [['content-type', 'text/plain']]]);
    expect(events).toEqual(['yield a']);
    expect(drain(response)).toBe('ab');
    response.close();
  });

  it('makes the head final only at the first non-empty chunk, so empty chunks may come first', () => {
    const events: string[] = [];
    const app: SyncApp = (_, start) =>
      (function* () {
        yield bytes('');
        events.push('after empty');
        OK(start);
        yield bytes('x');
      })();
    const response = startApp(app, environ());
    expect(events).toEqual(['after empty']);
    expect(drain(response)).toBe('x');
  });

  it('says an array body is in memory and a generator body is not, so hosts know what they may gather', () => {
    const listed = startApp((_env, start) => (OK(start), [bytes('a'), bytes('b')]), environ());
    expect(listed.inMemory).toBe(true);
    expect(drain(listed)).toBe('ab');
    const generated = startApp((_env, start) => tracked(start, ['a'], []), environ());
    expect(generated.inMemory).toBe(false);
  });

  it('makes the head final at the end of an empty body', () => {
    const response = startApp((_, start) => (start('204 No Content', []), []), environ());
    expect(response.statusCode).toBe(204);
    expect(response.chunks.next().done).toBe(true);
  });

  it('lets excInfo replace a head that is not final yet', () => {
    const app: SyncApp = (_, start) => {
      start('200 OK', [['x-first', '1']]);
      try {
        throw new Error('render failed');
      } catch (error) {
        start('500 Internal Server Error', [['content-type', 'text/plain']], error);
        return [bytes('sorry')];
      }
    };
    const response = startApp(app, environ());
    expect([response.status, response.headers]).toEqual(['500 Internal Server Error', [['content-type', 'text/plain']]]);
    expect(drain(response)).toBe('sorry');
  });

  it('rethrows excInfo when the head is already final', () => {
    const failure = new Error('late failure');
    let seen: unknown;
    const app: SyncApp = (_, start) =>
      (function* () {
        OK(start);
        yield bytes('partial');
        try {
          start('500 Internal Server Error', [], failure);
        } catch (error) {
          seen = error;
          throw error;
        }
      })();
    const response = startApp(app, environ());
    expect(() => drain(response)).toThrow(failure);
    expect(seen).toBe(failure);
    response.close();
  });

  it('throws when startResponse is called twice without excInfo', () => {
    const app: SyncApp = (_, start) => (OK(start), OK(start), []);
    expect(() => startApp(app, environ())).toThrow(m.START_RESPONSE_TWICE);
  });

  it('throws when the body starts before startResponse', () => {
    expect(() => startApp(() => [bytes('x')], environ())).toThrow(m.START_RESPONSE_MISSING);
    expect(() => startApp(() => [], environ())).toThrow(m.START_RESPONSE_MISSING);
  });

  it('sends write() chunks first, in order, and makes the head final with the first one', () => {
    let late: (() => void) | undefined;
    const app: SyncApp = (_, start) => {
      const write = start('200 OK', []);
      write(bytes('one '));
      write(bytes(''));
      write(bytes('two '));
      late = () => start('500 Oops', [], new Error('too late'));
      return (function* () {
        write(bytes('three '));
        yield bytes('four');
      })();
    };
    const response = startApp(app, environ());
    expect(late).toThrow('too late');
    expect(drain(response)).toBe('one two three four');
  });

  it('rejects write() with something other than bytes, and after close', () => {
    let write: ((chunk: Uint8Array) => void) | undefined;
    expect(() => startApp((_, start) => (start('200 OK', [])('text' as never), []), environ())).toThrow(m.WRITE_NOT_BYTES);
    const response = startApp((_, start) => ((write = start('200 OK', [])), []), environ());
    response.close();
    expect(() => write?.(bytes('x'))).toThrow(m.WRITE_AFTER_CLOSE);
  });

  it('calls the body close() and runs generator finally blocks on completion', () => {
    const events: string[] = [];
    const body = Object.assign([bytes('a')], { close: () => events.push('close') });
    const response = startApp((_, start) => (OK(start), body), environ());
    drain(response);
    response.close();
    response.close();
    expect(events).toEqual(['close']);
  });

  it('calls return() then close() when the host abandons the body', () => {
    const events: string[] = [];
    const app: SyncApp = (_, start) => {
      const generator = tracked(start, ['a', 'b', 'c'], events) as Generator<Uint8Array>;
      return Object.assign(generator, { close: () => events.push('close') });
    };
    const response = startApp(app, environ());
    response.chunks.next();
    response.close();
    expect(events).toEqual(['yield a', 'finally', 'close']);
    expect(response.chunks.next().done).toBe(true);
  });

  it('closes the body itself when the app fails before the head is final', () => {
    const events: string[] = [];
    const app: SyncApp = () =>
      Object.assign(
        (function* () {
          events.push('started');
          yield* [];
          throw new Error('boom');
        })(),
        { close: () => events.push('close') },
      );
    expect(() => startApp(app, environ())).toThrow('boom');
    expect(events).toEqual(['started', 'close']);
  });

  it('throws SyncSpecError for a chunk that is not a Uint8Array, naming its type', () => {
    const app: SyncApp = (_, start) => (OK(start), ['text'] as unknown as Uint8Array[]);
    expect(() => startApp(app, environ())).toThrow(`${m.CHUNK_NOT_BYTES}: got string "text"`);
    const later: SyncApp = (_, start) => (OK(start), [bytes('ok'), 42] as unknown as Uint8Array[]);
    const response = startApp(later, environ());
    expect(response.chunks.next().done).toBe(false);
    expect(() => response.chunks.next()).toThrow(m.CHUNK_NOT_BYTES);
    response.close();
  });

  it.each([
    ['a string', 'hello', m.BODY_STRING],
    ['bare bytes', bytes('hello'), m.BODY_BYTES],
    ['a Promise', Promise.resolve([]), m.APP_RETURNED_PROMISE],
    ['a number', 42, m.BODY_NOT_ITERABLE],
    ['undefined', undefined, m.BODY_NOT_ITERABLE],
  ])('rejects %s as a body', (_, body, message) => {
    expect(() => startApp((__, start) => (OK(start), body as ResponseBody), environ())).toThrow(message);
  });

  it('checks status and headers when startResponse is called', () => {
    const bad = (status: string, headers: Array<[string, string]>) => () =>
      startApp((_, start) => (start(status, headers), []), environ());
    expect(bad('200', [])).toThrow(m.STATUS_FORMAT);
    expect(bad('200 OK', [['X-A', 'a\r\nInjected: 1']])).toThrow(m.HEADER_VALUE_CONTROL);
    expect(bad('200 OK', [['Connection', 'close']])).toThrow(m.HEADER_HOP_BY_HOP);
  });

  it('stops a body longer than its Content-Length', () => {
    const app: SyncApp = (_, start) => (start('200 OK', [['Content-Length', '3']]), [bytes('ab'), bytes('cd')]);
    const response = startApp(app, environ());
    expect(decodeUtf8(response.chunks.next().value as Uint8Array)).toBe('ab');
    expect(() => response.chunks.next()).toThrow(m.BODY_TOO_LONG);
  });

  it('counts against a repeated Content-Length that agrees, and refuses two that differ', () => {
    const same: SyncApp = (_, start) => (start('200 OK', [['Content-Length', '2'], ['content-length', ' 2']]), [bytes('ab'), bytes('c')]);
    const response = startApp(same, environ());
    expect(decodeUtf8(response.chunks.next().value as Uint8Array)).toBe('ab');
    expect(() => response.chunks.next()).toThrow(m.BODY_TOO_LONG);
    const differ: SyncApp = (_, start) => (start('200 OK', [['Content-Length', '1'], ['content-length', '2']]), [bytes('a')]);
    expect(() => startApp(differ, environ()).chunks.next()).toThrow(m.CONTENT_LENGTH_FORMAT);
  });

  it('reports a body shorter than its Content-Length at its end', () => {
    const app: SyncApp = (_, start) => (start('200 OK', [['Content-Length', '10']]), [bytes('abc')]);
    const response = startApp(app, environ());
    response.chunks.next();
    expect(() => response.chunks.next()).toThrow(m.BODY_TOO_SHORT);
  });

  it('does not count bytes for HEAD requests and 304 responses', () => {
    const head: SyncApp = (_, start) => (start('200 OK', [['Content-Length', '10']]), []);
    expect(startApp(head, environ('HEAD')).chunks.next().done).toBe(true);
    const notModified: SyncApp = (_, start) => (start('304 Not Modified', [['Content-Length', '10']]), []);
    expect(startApp(notModified, environ()).chunks.next().done).toBe(true);
  });

  it('hands a file wrapper to the host without iterating it', () => {
    const reads: string[] = [];
    const factory = createFileWrapperFactory((file, range) => {
      reads.push(`${String(file)}@${range.offset}`);
      return [bytes('file bytes')];
    });
    const closed: string[] = [];
    const app: SyncApp = (_, start) => {
      OK(start);
      return Object.assign(factory('/srv/a.txt', 4096, { offset: 2, count: 5 }), { close: () => closed.push('close') });
    };
    const response = startApp(app, environ());
    expect(response.fileWrapper).toMatchObject({ file: '/srv/a.txt', blockSize: 4096, offset: 2, count: 5 });
    expect(reads).toEqual([]);
    expect(drain(response)).toBe('file bytes');
    response.close();
    expect(closed).toEqual(['close']);
  });

  it('gives errors a section for hosts to log', () => {
    try {
      startApp((_, start) => (start('OK', []), []), environ());
    } catch (error) {
      expect(isSyncSpecError(error) && error.section).toBe('5.2');
      return;
    }
    throw new Error('expected a SyncSpecError');
  });
});
