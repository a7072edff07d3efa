import { describe, expect, it } from 'vitest';
import type { SyncApp } from '@tsgi/sync';
import { syncToAsync, type AsyncApp } from '@tsgi/async';
import { createRouter, messages } from '../src/index.js';
import { websocket } from '../src/websocket/index.js';
import { clientFor, describeMatrix } from './support/matrix.js';

const enc = (s: string) => new TextEncoder().encode(s);

// A sync app written without the router, as another framework (or a hand-written WSGI-style app) would be.
const legacy: SyncApp = (environ, startResponse) => {
  const body = environ['tsgi.input'].read();
  startResponse('200 OK', [['content-type', 'application/json']]);
  return [enc(JSON.stringify({ script: environ.SCRIPT_NAME, path: environ.PATH_INFO, query: environ.QUERY_STRING, body: new TextDecoder().decode(body) }))];
};

// An async app written against the raw interface.
const raw: AsyncApp = async (scope, receive, send) => {
  if (scope.type !== 'http') return;
  await receive();
  await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'application/json']] });
  await send({ type: 'http.response.body', body: enc(JSON.stringify({ root: scope.rootPath, path: scope.path })) });
};

describeMatrix('mount() with a raw sync app', (client) => {
  const router = createRouter();
  router.get('/legacy/status', () => 'router wins');
  // Through the async interface the sync app is wrapped once, by the app author, with syncToAsync.
  router.mount('/legacy', { sync: legacy, async: syncToAsync(legacy) });

  it('moves the prefix into SCRIPT_NAME and passes the body through', async () => {
    const res = await client(router).post('/legacy/a/b?x=1', { body: 'payload' });
    expect(res.json()).toEqual({ script: '/legacy', path: '/a/b', query: 'x=1', body: 'payload' });
  });

  it('keeps the outer root path in front of the prefix', async () => {
    const res = await client(router, { rootPath: '/site' }).get('/legacy/x');
    expect(res.json()).toMatchObject({ script: '/site/legacy', path: '/x' });
  });

  it('passes the mount point itself as an empty path, and its slash as /', async () => {
    expect((await client(router).get('/legacy')).json()).toMatchObject({ script: '/legacy', path: '' });
    expect((await client(router).get('/legacy/')).json()).toMatchObject({ script: '/legacy', path: '/' });
  });

  it('lets a route win over the mount it overlaps', async () => {
    expect((await client(router).get('/legacy/status')).text).toBe('router wins');
  });

  it('does not match a longer name at the mount point', async () => {
    expect((await client(router).get('/legacyx')).status).toBe(404);
  });

  it('mounts another router’s app as a raw app, whose url() sees the prefix', async () => {
    const inner = createRouter().get('/users/:id', (req) => req.url('u', { id: req.params.id }), { name: 'u' });
    const outer = createRouter().mount('/inner', { sync: inner.sync, async: inner.async });
    expect((await client(outer).get('/inner/users/5')).text).toBe('/inner/users/5');
  });
});

describe('mount() with a raw async app', () => {
  it('moves the prefix into rootPath', async () => {
    const router = createRouter().mount('/raw', raw);
    const res = await clientFor(router, 'async').get('/raw/deep/path');
    expect(res.json()).toEqual({ root: '/raw', path: '/deep/path' });
  });

  it('makes the table refuse the sync interface, naming the mount', () => {
    const router = createRouter().mount('/raw', raw);
    expect(() => router.sync).toThrow(messages.refused('sync', ['mount /raw (an async app)']));
  });

  it('refuses the async interface for a sync-only app, saying how to wrap it', () => {
    const router = createRouter().mount('/legacy', legacy);
    expect(() => router.async).toThrow(messages.refused('async', ['mount /legacy (a sync app)']));
    expect(router.sync).toBeTypeOf('function');
  });

  it('passes WebSocket connections below the prefix to the mounted app', async () => {
    const chat = createRouter({ websocket }).ws('/room', async (socket) => socket.send(`root ${socket.request.rootPath}`));
    const router = createRouter().mount('/chat', chat.async);
    const ws = await clientFor(router, 'async').websocket('/chat/room');
    expect(await ws.receive()).toBe('root /chat');
  });

  it('asks for the interface when it cannot tell', () => {
    const unknown = ((...args: unknown[]) => args) as unknown as SyncApp;
    expect(() => createRouter().mount('/x', unknown)).toThrow(messages.mountKind('/x'));
    expect(() => createRouter().mount('/x', unknown, { interface: 'sync' })).not.toThrow();
  });
});
