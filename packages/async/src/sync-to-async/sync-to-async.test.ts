import type { Environ, FileWrapper, SyncApp } from '@tsgi/sync';
import { createBufferedInput, createFileWrapperFactory } from '@tsgi/sync';
import { describe, expect, it } from 'vitest';
import { enc, fakeHttp, fakeWebSocket, gate, until } from '../../test/fakes.js';
import { createScope, createWebSocketScope } from '../create-scope.js';
import { runHttp } from '../http-cycle.js';
import { createLifespan } from '../lifespan/lifespan.js';
import { BRIDGE_MESSAGES } from '../messages.js';
import { requestApp } from '../testing/request-app.js';
import { runWebSocket } from '../websocket-cycle.js';
import type { Spool } from './spool.js';
import { syncToAsync, type SyncToAsyncOptions } from './sync-to-async.js';

const dec = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Answers with the request body. */
const echo: SyncApp = (environ, startResponse) => {
  const body = environ['tsgi.input'].read();
  startResponse('200 OK', [['Content-Type', 'text/plain'], ['Content-Length', String(body.length)]]);
  return [body];
};

describe('syncToAsync', () => {
  it('builds the environ from the scope', async () => {
    let seen: Environ | undefined;
    const app: SyncApp = (environ, startResponse) => {
      seen = environ;
      startResponse('204 No Content', []);
      return [];
    };
    const res = await requestApp(syncToAsync(app), {
      method: 'POST',
      target: '/api/caf%C3%A9?x=1',
      rootPath: '/api',
      headers: [['X-Token', 'abc']],
      body: 'hi',
    });
    expect(res.status).toBe(204);
    expect(seen).toMatchObject({
      REQUEST_METHOD: 'POST',
      SCRIPT_NAME: '/api',
      PATH_INFO: '/café',
      QUERY_STRING: 'x=1',
      RAW_URI: '/api/caf%C3%A9?x=1',
      HTTP_X_TOKEN: 'abc',
      CONTENT_LENGTH: '2',
      SERVER_NAME: 'testserver',
      SERVER_PORT: '80',
      REMOTE_ADDR: 'testclient',
    });
  });

  it("serves an absolute-form target with no path before '?' (PATH_INFO '/')", async () => {
    const app: SyncApp = (environ, startResponse) => {
      startResponse('200 OK', []);
      return [enc(JSON.stringify([environ.PATH_INFO, environ.QUERY_STRING]))];
    };
    const res = await requestApp(syncToAsync(app), { target: 'http://h?q=1' });
    expect([res.status, res.text]).toEqual([200, '["/","q=1"]']);
  });

  it('ends an array body with its last chunk, and streams a generator body chunk by chunk', async () => {
    const writes = async (app: SyncApp): Promise<Array<[string, boolean]>> => {
      const transport = fakeHttp({ body: [] });
      const write = transport.write.bind(transport);
      const seen: Array<[string, boolean]> = [];
      transport.write = (chunk, info) => {
        seen.push([dec(chunk), info?.final === true]);
        return write(chunk, info);
      };
      await runHttp(syncToAsync(app), createScope({ method: 'GET', target: '/', headers: [] }), transport);
      expect(transport.calls.at(-1)?.[0]).toBe('end');
      return seen;
    };
    const array: SyncApp = (_environ, startResponse) => {
      startResponse('200 OK', []);
      return [enc('a'), enc(''), enc('b')];
    };
    const generator: SyncApp = (_environ, startResponse) => {
      startResponse('200 OK', []);
      return (function* () {
        yield enc('a');
        yield enc('b');
      })();
    };
    // The host may send 'b' and the end in one write, framed by Content-Length.
    expect(await writes(array)).toEqual([
      ['a', false],
      ['b', true],
    ]);
    expect(await writes(generator)).toEqual([
      ['a', false],
      ['b', false],
    ]);
  });

  it('does not wait for a body the host says there is not', async () => {
    // Nothing is ever pushed into this transport's body: a read would wait forever.
    const transport = fakeHttp();
    await runHttp(syncToAsync(echo, { noBody: () => true }), createScope({ method: 'GET', target: '/', headers: [] }), transport);
    expect(transport.calls[0]).toEqual(['start', 200, [['content-type', 'text/plain'], ['content-length', '0']], { trailers: false }]);
    expect(transport.body.waiting).toBe(0);
  });

  it('buffers a streamed body and hands it to the app whole', async () => {
    const res = await requestApp(syncToAsync(echo), { method: 'POST', body: [enc('a'), enc('b'), enc('c')] });
    expect([res.status, res.text, res.headers]).toEqual([200, 'abc', [['content-type', 'text/plain'], ['content-length', '3']]]);
  });

  it('answers 413 when content-length is over the limit, before reading the body', async () => {
    const transport = fakeHttp();
    const scope = createScope({ method: 'POST', target: '/', headers: [['content-length', '11']] });
    await runHttp(syncToAsync(echo, { bodyLimit: 10 }), scope, transport);
    expect(transport.calls[0]?.[1]).toBe(413);
    expect(transport.calls[1]).toEqual(['write', `${BRIDGE_MESSAGES.bodyTooLarge(10)}\n`]);
    expect(transport.body.waiting).toBe(0);
  });

  it('answers 413 when a body without content-length grows past the limit', async () => {
    const res = await requestApp(syncToAsync(echo, { bodyLimit: 4 }), { method: 'POST', body: [enc('abc'), enc('de')] });
    expect([res.status, res.text]).toEqual([413, `${BRIDGE_MESSAGES.bodyTooLarge(4)}\n`]);
  });

  it('spools a body past the threshold and closes the spool after the response', async () => {
    const log: string[] = [];
    const spool = (): Spool => {
      const parts: Uint8Array[] = [];
      return {
        write: (chunk) => void (parts.push(chunk), log.push(`write ${dec(chunk)}`)),
        toInput: () => createBufferedInput(enc(parts.map(dec).join(''))),
        close: () => void log.push('close'),
      };
    };
    const small = await requestApp(syncToAsync(echo, { spoolThreshold: 3, spool }), { method: 'POST', body: 'abc' });
    expect([small.text, log]).toEqual(['abc', []]);
    const big = await requestApp(syncToAsync(echo, { spoolThreshold: 3, spool }), { method: 'POST', body: [enc('ab'), enc('cd'), enc('e')] });
    expect(big.text).toBe('abcde');
    expect(log).toEqual(['write ab', 'write cd', 'write e', 'close']);
  });

  it('answers 500 and logs why when the spool cannot be opened', async () => {
    const logged: string[] = [];
    const spool = (): Spool => {
      throw new Error("ENOENT: no such file or directory, open '/missing/tsgi-body'");
    };
    const res = await requestApp(syncToAsync(echo, { spoolThreshold: 3, spool }), {
      method: 'POST',
      body: [enc('ab'), enc('cd')],
      log: (_level, _message, error) => logged.push((error as Error).message),
    });
    expect(res.status).toBe(500);
    expect(logged).toEqual([BRIDGE_MESSAGES.spoolFailed(3, "ENOENT: no such file or directory, open '/missing/tsgi-body'")]);
  });

  it('pulls the next chunk only after the host took the previous one', async () => {
    const produced: number[] = [];
    const app: SyncApp = (_environ, startResponse) => {
      startResponse('200 OK', []);
      return (function* () {
        for (let i = 1; i <= 3; i++) {
          produced.push(i);
          yield enc(String(i));
        }
      })();
    };
    const transport = fakeHttp({ body: [] });
    transport.writeGate = gate();
    const done = runHttp(syncToAsync(app), createScope({ method: 'GET', target: '/', headers: [] }), transport);
    await until(() => transport.calls.length === 2);
    // startApp ran to the first chunk; the second waits for the write to finish.
    expect(produced).toEqual([1]);
    transport.writeGate.resolve();
    await done;
    expect(produced).toEqual([1, 2, 3]);
    expect(transport.calls.map((call) => call[1])).toEqual([200, '1', '2', '3', undefined]);
  });

  it('closes the body when the client disconnects mid-response', async () => {
    let closed = false;
    let produced = 0;
    const app: SyncApp = (_environ, startResponse) => {
      startResponse('200 OK', []);
      const body = (function* () {
        for (;;) {
          produced++;
          yield enc('tick');
        }
      })();
      return Object.assign(body, { close: () => void (closed = true) });
    };
    const transport = fakeHttp({ body: [] });
    transport.writeGate = gate();
    const done = runHttp(syncToAsync(app), createScope({ method: 'GET', target: '/', headers: [] }), transport);
    await until(() => transport.calls.length === 2);
    transport.disconnect();
    transport.writeGate.resolve();
    await done;
    expect(closed).toBe(true);
    expect(produced).toBeLessThanOrEqual(2);
    expect(transport.logs).toEqual([]);
  });

  it('stops pulling a HEAD response once its head is final, and closes the body', async () => {
    let pulled = 0;
    let closed = 0;
    let finished = false;
    const app: SyncApp = (_environ, startResponse) => {
      startResponse('200 OK', [['Content-Length', '1000']]);
      const body = (function* () {
        try {
          for (let i = 0; i < 1000; i++) {
            pulled++;
            yield enc('x');
          }
        } finally {
          finished = true;
        }
      })();
      return Object.assign(body, { close: () => void closed++ });
    };
    const res = await requestApp(syncToAsync(app), { method: 'HEAD' });
    expect([res.status, res.body.byteLength]).toEqual([200, 0]);
    // docs/spec/sync.md §6.5: the first chunk made the head final; nothing after it is pulled.
    expect([pulled, closed, finished]).toEqual([1, 1, true]);
  });

  it('hands a file wrapper body to sendFile with the start event, and closes it after', async () => {
    const log: string[] = [];
    const files = createFileWrapperFactory(() => {
      log.push('iterated');
      return [enc('from the iterator')];
    });
    const app: SyncApp = (environ, startResponse) => {
      const write = startResponse('200 OK', [['Content-Type', 'text/plain']]);
      if (environ.PATH_INFO === '/written') write(enc('>'));
      return Object.assign(files('/srv/file.txt'), { close: () => void log.push('close') });
    };
    const sendFile: NonNullable<SyncToAsyncOptions['sendFile']> = async (file: FileWrapper, start, scope, send) => {
      log.push(`sendFile ${String(file.file)} ${scope.path}`);
      await send(start);
      await send({ type: 'http.response.body', body: enc('from sendFile') });
    };
    const direct = await requestApp(syncToAsync(app, { sendFile }), { target: '/direct' });
    expect([direct.status, direct.headers, direct.text]).toEqual([200, [['content-type', 'text/plain']], 'from sendFile']);
    expect(log).toEqual(['sendFile /srv/file.txt /direct', 'close']);
    log.length = 0;
    // sync §6.4: after write(), the wrapper is iterated like any body.
    const written = await requestApp(syncToAsync(app, { sendFile }), { target: '/written' });
    expect(written.text).toBe('>from the iterator');
    expect(log).toEqual(['iterated', 'close']);
  });

  it('answers 500 when the sync app raises before its response', async () => {
    const logs: string[] = [];
    const app: SyncApp = () => {
      throw new Error('broken');
    };
    const res = await requestApp(syncToAsync(app), { log: (_level, message) => logs.push(message) });
    expect(res.status).toBe(500);
    expect(logs).toHaveLength(1);
  });

  it('answers a refused request itself (underscore headers in refuse mode)', async () => {
    const res = await requestApp(syncToAsync(echo, { environ: () => ({ headers: [['x_a', '1']], underscoreHeaders: 'refuse' }) }));
    expect(res.status).toBe(400);
  });

  it('denies WebSockets and declines lifespan', async () => {
    const transport = fakeWebSocket();
    await runWebSocket(syncToAsync(echo), createWebSocketScope({ target: '/', headers: [] }), transport);
    expect(transport.calls).toEqual([['deny', 403, [], '']]);
    await expect(createLifespan(syncToAsync(echo), { log: () => {} }).startup()).resolves.toBeUndefined();
  });
});
