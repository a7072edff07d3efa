// The shared handler in memory, with Node's own Request and Response (real runtimes: test/).
import type { AsyncApp, HTTPScope, Receive, Send } from '@tsgi/async';
import type { Environ, SyncApp } from '@tsgi/sync';
import { describe, expect, it, vi } from 'vitest';
import { PLATFORM_EXTENSION, toFetchHandler } from './fetch-handler.js';
import { PLATFORM_ENVIRON_KEY } from './internal/resolve-app.js';
import { SERVE_MESSAGES } from './messages.js';
import type { FetchPlatform } from './types.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

const reply =
  (body: string): AsyncApp =>
  async (scope, _receive, send) => {
    if (scope.type !== 'http') return;
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain']] });
    await send({ type: 'http.response.body', body: text(body) });
  };

function waitUntilContext(): { waitUntil: ReturnType<typeof vi.fn>; settled: () => Promise<unknown[]> } {
  const waitUntil = vi.fn();
  return { waitUntil, settled: () => Promise.all(waitUntil.mock.calls.map(([p]) => p as Promise<unknown>)) };
}

describe('toFetchHandler', () => {
  it('gives an async app env, ctx and the Request as fetch.platform', async () => {
    let platform: FetchPlatform | undefined;
    const app: AsyncApp = async (scope, receive, send) => {
      if (scope.type !== 'http') return;
      platform = scope.extensions?.[PLATFORM_EXTENSION] as FetchPlatform;
      await reply('ok')(scope, receive, send);
    };
    const env = { KV: 'binding' };
    const ctx = waitUntilContext();
    const request = new Request('http://a.test/x');
    const response = await toFetchHandler(app, { lifespan: 'off' })(request, env, ctx);
    expect(await response.text()).toBe('ok');
    expect(platform).toMatchObject({ env, ctx, request });
  });

  it('puts the same platform object in a sync app environ under tsgi.fetch.platform', async () => {
    let seen: unknown;
    const app: SyncApp = (environ: Environ, startResponse) => {
      seen = environ[PLATFORM_ENVIRON_KEY];
      startResponse('200 OK', [['content-type', 'text/plain']]);
      return [text('sync')];
    };
    const env = { NAME: 'prod' };
    const response = await toFetchHandler(app)(new Request('http://a.test/'), env);
    expect(await response.text()).toBe('sync');
    expect(seen).toMatchObject({ env, ctx: undefined });
  });

  it("registers each request's work, and the app's own, with ctx.waitUntil", async () => {
    const background = Promise.resolve('logged');
    const app: AsyncApp = async (scope, receive, send) => {
      if (scope.type !== 'http') return;
      (scope.extensions?.[PLATFORM_EXTENSION] as FetchPlatform).waitUntil(background);
      await reply('ok')(scope, receive, send);
    };
    const ctx = waitUntilContext();
    await (await toFetchHandler(app, { lifespan: 'off' })(new Request('http://a.test/'), {}, ctx)).text();
    expect(ctx.waitUntil).toHaveBeenCalledTimes(2);
    await ctx.settled();
  });

  it('reads the scope from the URL: raw path, query, scheme, server and root path', async () => {
    let scope: HTTPScope | undefined;
    const app: AsyncApp = async (s, receive, send) => {
      if (s.type !== 'http') return;
      scope = s;
      await reply('ok')(s, receive, send);
    };
    await toFetchHandler(app, { rootPath: '/api', lifespan: 'off' })(new Request('https://a.test:8443/api/caf%C3%A9/a%2Fb?x=1'));
    expect(scope).toMatchObject({
      scheme: 'https',
      rootPath: '/api',
      path: '/café/a/b',
      rawPath: '/api/caf%C3%A9/a%2Fb',
      queryString: 'x=1',
      server: ['a.test', 8443],
      client: null,
    });
  });

  it('takes the host from the URL when the Request carries no Host header', async () => {
    let scope: HTTPScope | undefined;
    const app: AsyncApp = async (s, receive, send) => {
      if (s.type !== 'http') return;
      scope = s;
      await reply('ok')(s, receive, send);
    };
    // Node's Request has no Host header; Deno's and Bun's have one.
    await toFetchHandler(app, { lifespan: 'off' })(new Request('http://a.test:8080/x'));
    expect(scope?.headers.filter(([name]) => name === 'host')).toEqual([['host', 'a.test:8080']]);
    let environ: Environ | undefined;
    const sync: SyncApp = (e, startResponse) => {
      environ = e;
      startResponse('204 No Content', []);
      return [];
    };
    await toFetchHandler(sync)(new Request('http://a.test:8080/x'));
    expect(environ?.HTTP_HOST).toBe('a.test:8080');
  });

  it('streams a request body into http.request events', async () => {
    const pieces: string[] = [];
    const app: AsyncApp = async (scope, receive, send) => {
      if (scope.type !== 'http') return;
      for (let event = await receive(); event.type === 'http.request'; event = await receive()) {
        if (event.body.byteLength > 0) pieces.push(new TextDecoder().decode(event.body));
        if (!event.moreBody) break;
      }
      await reply('read')(scope, receive, send);
    };
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(text('one,'));
        controller.enqueue(text('two'));
        controller.close();
      },
    });
    const request = new Request('http://a.test/', { method: 'POST', body, duplex: 'half' } as RequestInit);
    await (await toFetchHandler(app, { lifespan: 'off' })(request)).text();
    expect(pieces.join('')).toBe('one,two');
  });

  it('answers 413 without calling a sync app when the body exceeds bodyLimit', async () => {
    const app = vi.fn<SyncApp>();
    const request = new Request('http://a.test/', { method: 'POST', body: 'x'.repeat(11) });
    const response = await toFetchHandler(app, { interface: 'sync', bodyLimit: 10 })(request);
    expect(response.status).toBe(413);
    expect(app).not.toHaveBeenCalled();
  });

  it('answers 400 to an underscore header when asked to refuse them', async () => {
    const request = new Request('http://a.test/', { headers: { x_forwarded_for: '1.2.3.4' } });
    const response = await toFetchHandler(reply('no'), { underscoreHeaders: 'refuse', lifespan: 'off' })(request);
    expect(response.status).toBe(400);
  });

  it("holds the app's next send until the runtime reads the last chunk (backpressure)", async () => {
    let sent = 0;
    const app: AsyncApp = async (scope, _receive, send) => {
      if (scope.type !== 'http') return;
      await send({ type: 'http.response.start', status: 200 });
      for (let i = 0; i < 10; i++) {
        await send({ type: 'http.response.body', body: text(String(i)), moreBody: true });
        sent++;
      }
      await send({ type: 'http.response.body' });
    };
    const response = await toFetchHandler(app, { lifespan: 'off' })(new Request('http://a.test/'));
    const reader = response.body!.getReader();
    // Give the app every chance to run ahead: many turns, no reads.
    for (let turn = 0; turn < 100; turn++) await Promise.resolve();
    // One chunk taken by the Response, one queued: the app waits for a read before the third.
    expect(sent).toBeLessThanOrEqual(2);
    let all = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) all += new TextDecoder().decode(r.value);
    expect(all).toBe('0123456789');
    expect(sent).toBe(10);
  });

  it('answers with the head at an empty body event while the app still waits (server-sent events)', async () => {
    let release!: () => void;
    const later = new Promise<void>((resolve) => (release = resolve));
    const app: AsyncApp = async (scope, _receive, send) => {
      if (scope.type !== 'http') return;
      await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/event-stream']] });
      await send({ type: 'http.response.body', body: new Uint8Array(0), moreBody: true });
      await later;
      await send({ type: 'http.response.body', body: text('data: x\n\n') });
    };
    // The Response must arrive while the app is still parked on `later`.
    const response = await toFetchHandler(app, { lifespan: 'off' })(new Request('http://a.test/'));
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'text/event-stream']);
    release();
    expect(await response.text()).toBe('data: x\n\n');
  });

  it('answers a HEAD request with the head at its first body event', async () => {
    let release!: () => void;
    const later = new Promise<void>((resolve) => (release = resolve));
    const app: AsyncApp = async (scope, _receive, send) => {
      if (scope.type !== 'http') return;
      await send({ type: 'http.response.start', status: 200, headers: [['content-length', '4']] });
      await send({ type: 'http.response.body', body: text('data'), moreBody: true });
      await later;
      await send({ type: 'http.response.body' });
    };
    const response = await toFetchHandler(app, { lifespan: 'off' })(new Request('http://a.test/', { method: 'HEAD' }));
    expect([response.status, response.headers.get('content-length'), response.body]).toEqual([200, '4', null]);
    release();
  });

  it("drops the app's connection-specific headers: the runtime frames the response itself", async () => {
    const app: AsyncApp = async (scope, _receive, send) => {
      if (scope.type !== 'http') return;
      const headers: Array<[string, string]> = [
        ['connection', 'close, x-hop'],
        ['keep-alive', 'timeout=5'],
        ['transfer-encoding', 'chunked'],
        ['upgrade', 'h2c'],
        ['proxy-connection', 'keep-alive'],
        ['x-hop', 'named in connection'],
        ['x-kept', 'yes'],
      ];
      await send({ type: 'http.response.start', status: 200, headers });
      await send({ type: 'http.response.body', body: text('hello') });
    };
    const response = await toFetchHandler(app, { lifespan: 'off' })(new Request('http://a.test/'));
    expect([...response.headers]).toEqual([['x-kept', 'yes']]);
    expect(await response.text()).toBe('hello');
  });

  it('turns request.signal aborting into http.disconnect', async () => {
    const controller = new AbortController();
    let after: string | undefined;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const app: AsyncApp = async (scope, receive: Receive, send: Send) => {
      if (scope.type !== 'http') return;
      await send({ type: 'http.response.start', status: 200 });
      await send({ type: 'http.response.body', body: text('first'), moreBody: true });
      await receive(); // the body (empty, complete)
      after = (await receive()).type;
      done();
    };
    const response = await toFetchHandler(app, { lifespan: 'off' })(new Request('http://a.test/', { signal: controller.signal }));
    expect(response.status).toBe(200);
    controller.abort();
    await finished;
    expect(after).toBe('http.disconnect');
  });
});

describe('lifespan', () => {
  const lifespanApp = (onStartup: () => Promise<void>, state: Record<string, unknown> = {}): AsyncApp =>
    async (scope, receive, send) => {
      if (scope.type === 'lifespan') {
        await receive();
        try {
          await onStartup();
        } catch (error) {
          await send({ type: 'lifespan.startup.failed', message: (error as Error).message });
          return;
        }
        Object.assign(scope.state ?? {}, state);
        await send({ type: 'lifespan.startup.complete' });
        await receive();
        await send({ type: 'lifespan.shutdown.complete' });
        return;
      }
      if (scope.type !== 'http') return;
      await reply(JSON.stringify(scope.state))(scope, receive, send);
    };

  it('runs startup once, before the first request, even when first requests arrive together', async () => {
    const startup = vi.fn(() => Promise.resolve());
    const handler = toFetchHandler(lifespanApp(startup, { db: 'ready' }));
    const responses = await Promise.all([1, 2, 3].map(() => handler(new Request('http://a.test/'))));
    expect(await Promise.all(responses.map((r) => r.text()))).toEqual(Array(3).fill('{"db":"ready"}'));
    expect(startup).toHaveBeenCalledTimes(1);
    await handler.shutdown();
  });

  it('answers 503 to every request once startup failed, and logs it once', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handler = toFetchHandler(lifespanApp(() => Promise.reject(new Error('no database'))));
    await expect(handler.startup()).rejects.toThrow('no database');
    const statuses = await Promise.all([1, 2].map(async () => (await handler(new Request('http://a.test/'))).status));
    expect(statuses).toEqual([503, 503]);
    expect(error.mock.calls.filter(([message]) => message === SERVE_MESSAGES.startupFailed)).toHaveLength(1);
  });
});
