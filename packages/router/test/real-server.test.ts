// The router over real sockets: @tsgi/node's toNodeHandler/toNodeUpgradeHandler on node:http, on
// 127.0.0.1, driven by fetch(), the `ws` client and raw bytes over node:net. Every feature a sync
// handler can serve runs through both interfaces; WebSockets and lifespan shutdown need async.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createRouter, HttpError, sse, stream, UploadedFile, type Router } from '../src/index.js';
import { clearCookie, setCookie } from '../src/cookies/index.js';
import { file, staticFiles } from '../src/files/index.js';
import { forms } from '../src/forms/index.js';
import { websocket } from '../src/websocket/index.js';
import { nodeFs } from './support/fs.js';
import { INTERFACES, type Interface } from './support/matrix.js';
import { rawRequest, serveRouter, type Served } from './support/node-server.js';

const dir = mkdtempSync(join(tmpdir(), 'tsgi-router-real-'));
mkdirSync(join(dir, 'public'));
writeFileSync(join(dir, 'public/hello.txt'), 'Hello, file!');
writeFileSync(join(dir, 'secret.txt'), 'outside the root');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Background tasks report here, by the token the request carried.
const finished = new Map<string, () => void>();
const taskDone = (token: string) => new Promise<void>((resolve) => finished.set(token, resolve));
const shutdowns: Interface[] = [];

// One app with every feature; the async one also has WebSocket routes (which refuse `router.sync`).
function featureRouter(iface: Interface): Router {
  const api = createRouter();
  api.get('/items/:id', (req) => ({ id: req.params.id, self: req.url('item', { id: req.params.id }) }), { name: 'item' });
  const raw = (environ: { SCRIPT_NAME: string; PATH_INFO: string }, start: (status: string, headers: Array<[string, string]>) => void) => {
    start('200 OK', [['content-type', 'text/plain']]);
    return [new TextEncoder().encode(`${environ.SCRIPT_NAME}|${environ.PATH_INFO}`)];
  };
  const rawAsync = async (scope: { rootPath: string; path: string }, _receive: unknown, send: (event: object) => Promise<void>) => {
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain']] });
    await send({ type: 'http.response.body', body: new TextEncoder().encode(`${scope.rootPath}|${scope.path}`) });
  };

  const router = createRouter({ bodyLimit: 1024, forms, websocket });
  router.onStartup((state) => {
    state.greeting = `hello from startup (${iface})`;
  });
  router.onShutdown(() => void shutdowns.push(iface));
  router.get('/users/:id', (req) => ({ id: req.params.id }));
  router.put('/users/:id', (req) => `replaced ${req.params.id}`);
  router.mount('/api', api);
  router.mount('/raw', { sync: raw as never, async: rawAsync as never });
  router.get('/cookies', (req) => {
    const res = setCookie(clearCookie(stream([req.cookies.sid ?? 'none'], { headers: { 'content-type': 'text/plain' } }), 'old'), 'sid', 'a b;c', { httpOnly: true });
    return setCookie(res, 'theme', 'dark', { sameSite: 'Lax' });
  });
  router.post('/upload', (req) => {
    const form = req.form();
    const upload = form.get('upload');
    if (!(upload instanceof UploadedFile)) throw new HttpError(422, 'upload is not a file');
    return { title: form.get('title'), name: upload.filename, type: upload.type, text: upload.text() };
  });
  router.post('/json', (req) => ({ got: req.json() }));
  router.get('/stream', () => stream((function* () { yield 'a'; yield new Uint8Array([98]); yield 'c'; })(), { headers: { 'content-type': 'text/plain' } }));
  router.get('/events', () => sse([{ event: 'tick', data: { n: 1 } }, 'bare']));
  router.get('/report', (req) => file(req, join(dir, 'public/hello.txt'), { fs: nodeFs }));
  router.get('/static/*', staticFiles({ fs: nodeFs, root: join(dir, 'public') }));
  router.get('/state', (req) => String(req.state.greeting));
  router.post('/signup', (req) => {
    const token = req.query.get('token') ?? '';
    req.background(() => finished.get(token)?.());
    return 'signed up';
  });
  if (iface === 'async') {
    router.ws('/chat/:room', async (socket) => {
      if (socket.params.room === 'private' && !socket.request.cookies.user) return socket.reject(401, 'log in first');
      await socket.accept({ subprotocol: socket.subprotocols.includes('chat.v2') ? 'chat.v2' : null });
      await socket.send(`joined ${socket.params.room}`);
      for await (const message of socket) {
        if (message === 'bye') return socket.close(4000, 'asked to leave');
        await socket.send(`echo ${String(message)}`);
      }
    });
  }
  return router;
}

for (const iface of INTERFACES) {
  describe(`over a real server (${iface})`, () => {
    let served: Served;
    const url = (path: string) => `${served.origin}${path}`;
    beforeAll(async () => {
      served = await serveRouter(featureRouter(iface), iface);
    });
    afterAll(() => served.close());

    it('matches params and answers 405 with Allow when only the method differs', async () => {
      expect(await (await fetch(url('/users/42'))).json()).toEqual({ id: '42' });
      expect(await (await fetch(url('/users/42'), { method: 'PUT' })).text()).toBe('replaced 42');
      const res = await fetch(url('/users/42'), { method: 'DELETE' });
      expect([res.status, res.headers.get('allow')]).toEqual([405, 'GET, HEAD, PUT, OPTIONS']);
    });

    it('answers HEAD from GET with the same Content-Length and no body', async () => {
      const get = await fetch(url('/users/42'));
      const head = await fetch(url('/users/42'), { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'));
      expect(await head.text()).toBe('');
    });

    it('answers OPTIONS for a path and OPTIONS * for the whole server with 204 and Allow', async () => {
      const res = await fetch(url('/users/42'), { method: 'OPTIONS' });
      expect([res.status, res.headers.get('allow')]).toEqual([204, 'GET, HEAD, PUT, OPTIONS']);
      const star = await rawRequest(served.port, 'OPTIONS * HTTP/1.1');
      expect(star.status).toBe(204);
      // A raw app is mounted, so any method may be allowed somewhere: no Allow header.
      expect(star.head.toLowerCase()).not.toContain('allow:');
    });

    it('serves a sub-router and a raw app below their prefixes, with url() and the root path right', async () => {
      expect(await (await fetch(url('/api/items/7'))).json()).toEqual({ id: '7', self: '/api/items/7' });
      expect(await (await fetch(url('/raw/a/b'))).text()).toBe('/raw|/a/b');
      expect(await (await fetch(url('/raw'))).text()).toBe('/raw|');
    });

    it('reads the Cookie header and sets each cookie in its own Set-Cookie header', async () => {
      const res = await fetch(url('/cookies'), { headers: { cookie: 'sid=abc; other=1' } });
      expect(await res.text()).toBe('abc');
      expect(res.headers.getSetCookie()).toEqual([
        'old=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/',
        'sid=a%20b%3Bc; Path=/; HttpOnly',
        'theme=dark; Path=/; SameSite=Lax',
      ]);
    });

    it('parses a multipart upload as a browser sends it', async () => {
      const form = new FormData();
      form.append('title', 'Report');
      form.append('upload', new Blob(['a,b\n1,2'], { type: 'text/csv' }), 'report.csv');
      const res = await fetch(url('/upload'), { method: 'POST', body: form });
      expect(await res.json()).toEqual({ title: 'Report', name: 'report.csv', type: 'text/csv', text: 'a,b\n1,2' });
    });

    it('answers 400 naming the JSON error, and 413 past the body limit', async () => {
      const bad = await fetch(url('/json'), { method: 'POST', body: '{"a": ', headers: { 'content-type': 'application/json' } });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toMatch(/^Request body is not valid JSON: /);
      const big = await fetch(url('/json'), { method: 'POST', body: 'x'.repeat(2000) });
      expect(big.status).toBe(413);
      expect(await big.text()).toBe('Request body is larger than the limit of 1024 bytes');
    });

    it('streams a generator and server-sent events', async () => {
      const res = await fetch(url('/stream'));
      expect(res.headers.get('content-length')).toBeNull();
      expect(await res.text()).toBe('abc');
      const events = await fetch(url('/events'));
      expect(events.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(await events.text()).toBe('event: tick\ndata: {"n":1}\n\ndata: bare\n\n');
    });

    it('serves a file with ETag, a byte range and 304', async () => {
      const whole = await fetch(url('/report'));
      const etag = whole.headers.get('etag') as string;
      expect([whole.status, await whole.text()]).toEqual([200, 'Hello, file!']);
      const part = await fetch(url('/report'), { headers: { range: 'bytes=0-4' } });
      expect([part.status, part.headers.get('content-range'), await part.text()]).toEqual([206, 'bytes 0-4/12', 'Hello']);
      const cached = await fetch(url('/report'), { headers: { 'if-none-match': etag } });
      expect([cached.status, await cached.text()]).toEqual([304, '']);
    });

    it('serves static files and refuses every traversal sent as raw bytes', async () => {
      expect((await rawRequest(served.port, 'GET /static/hello.txt HTTP/1.1')).body).toContain('Hello, file!');
      const attempts = [
        '/static/../secret.txt',
        '/static/..%2fsecret.txt',
        '/static/..%2f..%2fetc/passwd',
        '/static/%2e%2e/secret.txt',
        '/static/%2E%2E%2Fsecret.txt',
        '/static/..\\secret.txt',
        '/static/..%5csecret.txt',
        '/static/%252e%252e/secret.txt',
        '/static//etc/passwd',
        '/static/hello.txt%00.png',
      ];
      for (const target of attempts) {
        const res = await rawRequest(served.port, `GET ${target} HTTP/1.1`);
        // 404 from the router, or 400 when the server refuses the target itself.
        expect([target, [400, 404].includes(res.status)]).toEqual([target, true]);
        expect(res.body).not.toContain('outside the root');
      }
    });

    it('shares the lifespan state with handlers', async () => {
      expect(await (await fetch(url('/state'))).text()).toBe(`hello from startup (${iface})`);
    });

    it('runs a background task after the response was sent', async () => {
      const done = taskDone(`t-${iface}`);
      const res = await fetch(url(`/signup?token=t-${iface}`), { method: 'POST' });
      expect(await res.text()).toBe('signed up');
      await done;
    });
  });
}

describe('WebSockets over a real server (async)', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveRouter(featureRouter('async'), 'async');
  });
  afterAll(() => served.close());

  const open = (path: string, protocols: string[] = [], headers: Record<string, string> = {}) =>
    new WebSocket(`ws://127.0.0.1:${served.port}${path}`, protocols, { headers });
  const next = (ws: WebSocket) => new Promise<string>((resolve) => ws.once('message', (data: Buffer) => resolve(data.toString('utf8'))));

  it('accepts with the chosen subprotocol, echoes messages and closes with the handler’s code', async () => {
    const ws = open('/chat/lobby', ['chat.v1', 'chat.v2']);
    const first = next(ws);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    expect(ws.protocol).toBe('chat.v2');
    expect(await first).toBe('joined lobby');
    const echo = next(ws);
    ws.send('hi');
    expect(await echo).toBe('echo hi');
    const closed = new Promise<[number, string]>((resolve) => ws.once('close', (code, reason) => resolve([code, reason.toString()])));
    ws.send('bye');
    expect(await closed).toEqual([4000, 'asked to leave']);
  });

  it('denies the handshake with the status and body the handler rejects with', async () => {
    const ws = open('/chat/private');
    const [status, body] = await new Promise<[number, string]>((resolve) =>
      ws.once('unexpected-response', (_req, res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve([res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')]));
      }),
    );
    expect([status, body]).toEqual([401, 'log in first']);
    // Aborting a handshake that never opened makes `ws` emit this one expected error.
    ws.once('error', (error) => expect(error.message).toMatch(/closed before the connection was established/));
    ws.terminate();
  });

  it('runs shutdown hooks when the host stops the lifespan', async () => {
    const other = await serveRouter(featureRouter('async'), 'async');
    const before = shutdowns.length;
    await other.close();
    expect(shutdowns.slice(before)).toEqual(['async']);
  });
});
