import { describe, expect, it } from 'vitest';
import { createRouter, isRouterApp, messages, text } from '../src/index.js';
import { describeMatrix } from './support/matrix.js';

describeMatrix('routing', (client) => {
  const router = createRouter();
  router.get('/', () => 'home');
  router.get('/users/:id', (req) => ({ id: req.params.id }), { name: 'user' });
  router.get('/users/new', () => 'form');
  router.post('/users/new', () => 'created');
  router.get('/posts/:year?/:slug?', (req) => req.params);
  router.get('/files/*', (req) => ({ rest: req.params['*'] }));
  router.get('/caf%C3%A9/:name', (req) => req.params.name);
  router.put('/items/:id', (req) => `put ${req.params.id}`);
  router.delete('/items/:id', (req) => `delete ${req.params.id}`);
  router.on(['GET', 'POST'], '/both', (req) => req.method);
  router.all('/any', (req) => req.method);
  router.head('/custom-head', () => text('', { headers: { 'x-head': 'yes' } }));
  router.get('/custom-head', () => 'get body');
  router.get('/links/:id', (req) => req.url('user', { id: req.params.id }));

  it('matches the root, static paths and params', async () => {
    const c = client(router);
    expect((await c.get('/')).text).toBe('home');
    expect((await c.get('/users/42')).json()).toEqual({ id: '42' });
    expect((await c.get('/users/new')).text).toBe('form');
    expect((await c.post('/users/new')).text).toBe('created');
  });

  it('decodes params from the percent-decoded path', async () => {
    expect((await client(router).get('/users/caf%C3%A9')).json()).toEqual({ id: 'café' });
  });

  it('matches optional segments with and without them', async () => {
    const c = client(router);
    expect((await c.get('/posts')).json()).toEqual({});
    expect((await c.get('/posts/2024')).json()).toEqual({ year: '2024' });
    expect((await c.get('/posts/2024/hello')).json()).toEqual({ year: '2024', slug: 'hello' });
  });

  it('captures the rest of the path in a trailing wildcard', async () => {
    const c = client(router);
    expect((await c.get('/files/a/b/c.txt')).json()).toEqual({ rest: 'a/b/c.txt' });
    expect((await c.get('/files')).json()).toEqual({ rest: '' });
  });

  it('answers 404 for an unknown path', async () => {
    const res = await client(router).get('/nope');
    expect(res.status).toBe(404);
    expect(res.text).toBe('Not Found');
  });

  it('answers 405 with Allow when only the method differs', async () => {
    const res = await client(router).post('/items/1');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('PUT, DELETE, OPTIONS');
  });

  it('lists HEAD next to GET in Allow', async () => {
    const res = await client(router).delete('/users/1');
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('answers HEAD from the GET handler with its headers and no body', async () => {
    const res = await client(router).head('/users/42');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('content-length')).toBe(String('{"id":"42"}'.length));
    expect(res.body.length).toBe(0);
  });

  it('prefers an explicit HEAD route over GET', async () => {
    const res = await client(router).head('/custom-head');
    expect(res.headers.get('x-head')).toBe('yes');
  });

  it('answers OPTIONS * for the whole server with 204 and every method a route takes', async () => {
    const table = createRouter().get('/a', () => 'a').post('/b', () => 'b');
    const res = await client(table).options('*');
    expect([res.status, res.headers.get('allow'), res.body.length]).toEqual([204, 'GET, HEAD, OPTIONS, POST', 0]);
    expect((await client(table).get('*')).status).toBe(404);
    // A route for every method (router.all) leaves Allow out: any method may be allowed.
    expect((await client(router).options('*')).headers.has('allow')).toBe(false);
  });

  it('answers OPTIONS automatically with 204 and Allow', async () => {
    const res = await client(router).options('/items/9');
    expect(res.status).toBe(204);
    expect(res.headers.get('allow')).toBe('PUT, DELETE, OPTIONS');
    expect(res.body.length).toBe(0);
  });

  it('registers one handler for several methods, and for any method', async () => {
    const c = client(router);
    expect((await c.post('/both')).text).toBe('POST');
    expect((await c.request('PURGE', '/any')).text).toBe('PURGE');
  });

  it('builds URLs for named routes below the root path', async () => {
    expect((await client(router).get('/links/7')).text).toBe('/users/7');
    expect((await client(router, { rootPath: '/app' }).get('/links/7')).text).toBe('/app/users/7');
  });

  it('routes below the root path (SCRIPT_NAME / rootPath)', async () => {
    const res = await client(router, { rootPath: '/app' }).get('/users/5');
    expect(res.json()).toEqual({ id: '5' });
  });
});

describeMatrix('sub-routers', (client) => {
  const users = createRouter();
  users.get('/', () => 'list');
  users.get('/:id', (req) => ({ id: req.params.id, route: req.route, url: req.url('api-user', { id: req.params.id }) }), { name: 'api-user' });
  const v1 = createRouter();
  v1.mount('/users', users);
  const router = createRouter();
  router.mount('/api/v1', v1);
  router.mount('/orgs/:org', createRouter().get('/info', (req) => req.params));

  it('joins the sub-router routes below the prefix', async () => {
    const c = client(router);
    expect((await c.get('/api/v1/users')).text).toBe('list');
    expect((await c.get('/api/v1/users/3')).json()).toEqual({ id: '3', route: '/api/v1/users/:id', url: '/api/v1/users/3' });
  });

  it('builds URLs through nested prefixes and the root path', async () => {
    expect((await client(router, { rootPath: '/svc' }).get('/api/v1/users/3')).json()).toMatchObject({ url: '/svc/api/v1/users/3' });
  });

  it('captures params in the mount prefix', async () => {
    expect((await client(router).get('/orgs/tsgi/info')).json()).toEqual({ org: 'tsgi' });
  });

  it('answers 404 below the prefix when no sub-route matches', async () => {
    expect((await client(router).get('/api/v1/nothing')).status).toBe(404);
  });
});

describe('the route table', () => {
  it('throws a clear error when a route is added after the app was served', () => {
    const router = createRouter().get('/', () => 'x');
    void router.sync;
    expect(() => router.get('/late', () => 'y')).toThrow(messages.frozen('add GET /late'));
  });

  it('freezes sub-routers with their parent', () => {
    const child = createRouter();
    const router = createRouter().mount('/c', child);
    void router.async;
    expect(() => child.post('/x', () => '')).toThrow(/frozen/);
  });

  it('refuses a duplicate route when it compiles', () => {
    const router = createRouter().get('/a/:id', () => '').get('/a/:key', () => '');
    expect(() => router.sync).toThrow(messages.duplicate('GET /a/:key'));
  });

  it('refuses a bad pattern at the call that made it', () => {
    expect(() => createRouter().get('users', () => '')).toThrow(messages.patternSlash('users'));
    expect(() => createRouter().get('/a/*/b', () => '')).toThrow(/wildcard must be the last segment/);
  });

  it('is recognised by isRouterApp through its brand', () => {
    const router = createRouter();
    expect(isRouterApp(router)).toBe(true);
    expect((router as unknown as Record<symbol, unknown>)[Symbol.for('tsgi.router')]).toBe(true);
    expect(isRouterApp(router.sync)).toBe(false);
    expect(isRouterApp({})).toBe(false);
  });

  it('builds named URLs without serving', () => {
    const router = createRouter().get('/users/:id/:tab?', () => '', { name: 'user' });
    expect(router.url('user', { id: 'a b' })).toBe('/users/a%20b');
    expect(router.url('user', { id: '1', tab: 'repos' })).toBe('/users/1/repos');
    expect(() => router.url('user')).toThrow(messages.missingParam('user', 'id'));
    expect(() => router.url('nope')).toThrow(messages.unknownRoute('nope'));
  });
});

describe('match()', () => {
  it('looks up a pattern and params without serving', () => {
    const router = createRouter().get('/users/:id', () => '').get('/files/*', () => '');
    expect(router.match('GET', '/users/7')).toEqual({ pattern: '/users/:id', params: { id: '7' } });
    expect(router.match('HEAD', '/files/a/b')).toEqual({ pattern: '/files/*', params: { '*': 'a/b' } });
    expect(router.match('POST', '/users/7')).toBeNull();
    expect(router.match('GET', '/nope')).toBeNull();
  });
});
