// Every example in docs/router.md is a file under test/guide/, and runs here (STYLE.md: a doc's code is
// run by a test). The first test checks that the guide's code blocks are those files, verbatim.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { router as bodies } from './guide/bodies.js';
import { router as errors } from './guide/errors.js';
import { filesRouter } from './guide/files.js';
import { asyncApp, router as hello, syncApp } from './guide/hello.js';
import { router as lifespan, sent } from './guide/lifespan.js';
import { asyncRouter, router as middleware } from './guide/middleware.js';
import { router as mounts } from './guide/mounts.js';
import { router as responses } from './guide/responses.js';
import { router as routes } from './guide/routes.js';
import { router as websocket } from './guide/websocket.js';
import { clientFor, describeMatrix } from './support/matrix.js';

const guideDir = new URL('./guide/', import.meta.url);
const guide = readFileSync(new URL('../../../docs/router.md', import.meta.url), 'utf8');

describe('docs/router.md', () => {
  it('shows each example file verbatim, and every TypeScript block is one', () => {
    const blocks = [...guide.matchAll(/<!-- example: (\S+) -->\n```ts\n([\s\S]*?)```/g)];
    const files = readdirSync(guideDir).filter((f) => f.endsWith('.ts'));
    expect(blocks.map((b) => b[1]).sort()).toEqual(files.sort());
    for (const [, name, code] of blocks) expect(code).toBe(readFileSync(new URL(name as string, guideDir), 'utf8'));
    expect(guide.match(/```ts\n/g)?.length).toBe(blocks.length);
  });
});

describeMatrix('guide: first app', (client) => {
  it('answers both routes', async () => {
    expect((await client(hello).get('/')).text).toBe('Hello, world!');
    expect((await client(hello).get('/users/7')).json()).toEqual({ id: '7' });
  });

  it('exports one app per interface', () => {
    expect(syncApp).toBe(hello.sync);
    expect(asyncApp).toBe(hello.async);
  });
});

describeMatrix('guide: routes', (client) => {
  it('matches optional segments, wildcards, static-before-param and names', async () => {
    const c = client(routes, { rootPath: '/app' });
    expect((await c.get('/posts/2024')).json()).toEqual({ year: '2024' });
    expect((await c.get('/files/a/b.txt')).text).toBe('file a/b.txt');
    expect((await c.get('/users/new')).text).toBe('the form');
    expect((await c.get('/users/9')).text).toBe('/app/users/9');
    expect((await c.post('/search')).text).toBe('POST');
    expect((await c.request('PATCH', '/proxy/x/y')).text).toBe('PATCH x/y');
    const notAllowed = await c.delete('/users/9');
    expect([notAllowed.status, notAllowed.headers.get('allow')]).toEqual([405, 'GET, HEAD, PUT, OPTIONS']);
  });
});

describeMatrix('guide: bodies', (client) => {
  it('reads text, JSON and forms, and answers bad input clearly', async () => {
    const c = client(bodies);
    expect((await c.post('/echo', { body: 'hi' })).text).toBe('hi');
    expect((await c.post('/users', { json: { name: 'Ada' } })).json()).toEqual({ created: 'Ada' });
    expect((await c.post('/users', { json: {} })).status).toBe(422);
    expect((await c.post('/users', { body: '{', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    const multipart = '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nReport\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\n\r\na,b\r\n--b--\r\n';
    const res = await c.post('/upload', { body: multipart, headers: { 'content-type': 'multipart/form-data; boundary=b' } });
    expect(res.json()).toEqual({ title: 'Report', file: { name: 'r.csv', size: 3 } });
    expect((await c.post('/echo', { body: 'x'.repeat(64 * 1024 + 1) })).status).toBe(413);
  });
});

describeMatrix('guide: responses', (client) => {
  it('sends each kind of response', async () => {
    const c = client(responses);
    expect((await c.get('/plain')).headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect((await c.get('/data')).json()).toEqual({ an: 'object is JSON' });
    expect((await c.get('/created')).status).toBe(201);
    expect((await c.get('/page')).text).toBe('<h1>Hello</h1>');
    expect((await c.get('/old')).headers.get('location')).toBe('/new');
    expect((await c.get('/login')).headers.getAll('set-cookie')).toHaveLength(2);
    expect((await c.get('/count')).text).toBe('1\n2\n3\n');
    expect((await c.get('/events')).text).toBe('event: tick\ndata: {"n":1}\n\nevent: tick\ndata: {"n":2}\n\n');
  });
});

describeMatrix('guide: middleware', (client) => {
  it('guards the route and adds a header after it', async () => {
    expect((await client(middleware).get('/me')).status).toBe(401);
    const ok = await client(middleware).get('/me', { headers: { authorization: 'Bearer secret' } });
    expect([ok.json(), ok.headers.get('cache-control')]).toEqual([{ user: 'ada' }, 'private']);
  });
});

describe('guide: async middleware', () => {
  it('times an async route', async () => {
    const res = await clientFor(asyncRouter, 'async').get('/slow');
    expect(res.headers.get('server-timing')).toMatch(/^app;dur=\d+$/);
    expect(() => asyncRouter.sync).toThrow(/cannot serve/);
  });
});

describeMatrix('guide: errors', (client) => {
  it('renders errors by class and by status', async () => {
    expect((await client(errors).post('/buy')).json()).toEqual({ error: 'top up first' });
    expect((await client(errors).get('/items/2')).text).toBe('<h1>Not here</h1><p>/items/2: No item 2</p>');
  });
});

describeMatrix('guide: mounts', (client) => {
  it('joins a sub-router and hands a prefix to a raw app', async () => {
    const c = client(mounts, { rootPath: '/site' });
    expect((await c.get('/api/users/3')).json()).toEqual({ id: '3', self: '/site/api/users/3' });
    expect((await c.get('/legacy/x')).text).toBe('SCRIPT_NAME=/site/legacy PATH_INFO=/x');
  });
});

describe('guide: WebSocket', () => {
  it('chats in a room and rejects strangers', async () => {
    const c = clientFor(websocket, 'async');
    expect((await c.websocket('/chat/lobby')).denial?.status).toBe(401);
    const ws = await c.websocket('/chat/lobby', { subprotocols: ['chat.v1'], headers: [['cookie', 'user=ada']] });
    expect(ws.subprotocol).toBe('chat.v1');
    expect(await ws.receive()).toBe('welcome to lobby');
    ws.send('hi');
    expect(await ws.receive()).toBe('ada: hi');
    ws.send('bye');
    await expect(ws.receive()).rejects.toMatchObject({ code: 1000, reason: 'see you' });
  });
});

describe('guide: lifespan and background tasks', () => {
  it('shares startup state and runs tasks after the response', async () => {
    const c = clientFor(lifespan, 'async');
    await c.startup();
    expect((await c.get('/greet')).text).toBe('hello from the lifespan state');
    expect((await c.post('/signup')).text).toBe('signed up');
    expect(sent).toEqual(['welcome email']);
    await c.shutdown();
    expect((await clientFor(lifespan, 'sync').get('/greet')).text).toBe('hello from the lifespan state');
  });
});

describeMatrix('guide: files', (client) => {
  const dir = mkdtempSync(join(tmpdir(), 'tsgi-guide-'));
  writeFileSync(join(dir, 'report.txt'), 'numbers');
  writeFileSync(join(dir, 'app.css'), 'body{}');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves static files, a download and bytes', async () => {
    const c = client(filesRouter(dir));
    const css = await c.get('/static/app.css');
    expect([css.text, css.headers.get('cache-control')]).toEqual(['body{}', 'public, max-age=3600']);
    expect((await c.get('/static/../report.txt')).status).toBe(404);
    expect((await c.get('/report')).headers.get('content-disposition')).toMatch(/^attachment; filename="report.txt"/);
    expect((await c.get('/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });
});
