import { describe, expect, it, vi } from 'vitest';
import { createRouter, html, json, redirect, RouterResponse, sse, stream, text } from '../src/index.js';
import { clearCookie, setCookie } from '../src/cookies/index.js';
import { clientFor, describeMatrix } from './support/matrix.js';

describeMatrix('responses', (client) => {
  const router = createRouter();
  router.get('/string', () => 'plain');
  router.get('/object', () => ({ a: 1 }));
  router.get('/array', () => [1, 'two']);
  router.get('/bytes', () => new Uint8Array([1, 2, 3]));
  router.get('/null', () => null);
  router.get('/json', () => json({ created: true }, { status: 201, headers: { 'x-id': '7' } }));
  router.get('/text', () => text('hi', { status: 202 }));
  router.get('/html', () => html('<p>hi</p>'));
  router.get('/redirect', () => redirect('/to/café?x=%20'));
  router.get('/see-other', () => redirect('/x', 303));
  router.get('/stream', () =>
    stream(
      (function* () {
        yield 'a';
        yield new Uint8Array([98]);
        yield 'c';
      })(),
      { headers: { 'content-type': 'text/plain' } },
    ),
  );
  router.get('/sse', () => sse([{ event: 'greet', data: 'hello\nworld', id: '1' }, { data: { n: 2 } }, 'bare', { comment: 'ping', retry: 500 }]));
  router.get('/cookies', () => {
    const res = setCookie(text('ok'), 'sid', 'a b;c', { httpOnly: true, sameSite: 'Lax', maxAge: 60, path: '/app' });
    setCookie(res, 'theme', 'dark', { sameSite: 'None' });
    return clearCookie(res, 'old', { path: '/' });
  });
  router.get('/custom', () => {
    const res = new RouterResponse(new TextEncoder().encode('raw'), { status: 418 });
    res.headers.append('x-a', '1').append('x-a', '2');
    return res;
  });
  router.get('/undefined', () => undefined as never);

  it('sends a string as text/plain in UTF-8', async () => {
    const res = await client(router).get('/string');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-length')).toBe('5');
    expect(res.text).toBe('plain');
  });

  it('sends objects and arrays as JSON', async () => {
    const c = client(router);
    const obj = await c.get('/object');
    expect(obj.headers.get('content-type')).toBe('application/json');
    expect(obj.json()).toEqual({ a: 1 });
    expect((await c.get('/array')).json()).toEqual([1, 'two']);
  });

  it('sends a Uint8Array as application/octet-stream', async () => {
    const res = await client(router).get('/bytes');
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.body).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('answers null with 204 and no body or Content-Length', async () => {
    const res = await client(router).get('/null');
    expect(res.status).toBe(204);
    expect(res.headers.has('content-length')).toBe(false);
    expect(res.body.length).toBe(0);
  });

  it('builds responses with json, text and html helpers', async () => {
    const c = client(router);
    const created = await c.get('/json');
    expect([created.status, created.headers.get('x-id'), created.json()]).toEqual([201, '7', { created: true }]);
    expect((await c.get('/text')).status).toBe(202);
    expect((await c.get('/html')).headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('redirects with 302 by default, encoding what a header cannot carry', async () => {
    const res = await client(router).get('/redirect');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/to/caf%C3%A9?x=%20');
    expect((await client(router).get('/see-other')).status).toBe(303);
  });

  it('streams a sync generator', async () => {
    const res = await client(router).get('/stream');
    expect(res.text).toBe('abc');
    expect(res.headers.has('content-length')).toBe(false);
  });

  it('sends server-sent events in the event-stream format', async () => {
    const res = await client(router).get('/sse');
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.text).toBe('event: greet\nid: 1\ndata: hello\ndata: world\n\ndata: {"n":2}\n\ndata: bare\n\n: ping\nretry: 500\n\n');
  });

  it('sets and clears cookies, one Set-Cookie header each', async () => {
    const res = await client(router).get('/cookies');
    expect(res.headers.getAll('set-cookie')).toEqual([
      'sid=a%20b%3Bc; Max-Age=60; Path=/app; HttpOnly; SameSite=Lax',
      'theme=dark; Path=/; Secure; SameSite=None',
      'old=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/',
    ]);
    expect(res.headerList.filter(([n]) => n === 'set-cookie')).toHaveLength(3);
  });

  it('keeps repeated headers as separate pairs', async () => {
    const res = await client(router).get('/custom');
    expect(res.status).toBe(418);
    expect(res.headerList.filter(([n]) => n === 'x-a')).toEqual([['x-a', '1'], ['x-a', '2']]);
  });

  it('answers 500 when a handler returns undefined, and logs why', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const log = vi.fn();
    const r = createRouter({ log }).get('/u', () => undefined as never);
    const res = await client(r).get('/u');
    expect(res.status).toBe(500);
    expect(String(log.mock.calls[0]?.[0])).toMatch(/GET \/u returned undefined/);
    errors.mockRestore();
  });
});

describe('responses through the async interface only', () => {
  it('streams an async generator', async () => {
    const router = createRouter().get('/a', () =>
      stream(
        (async function* () {
          yield 'x';
          await Promise.resolve();
          yield 'y';
        })(),
      ),
    );
    expect((await clientFor(router, 'async').get('/a')).text).toBe('xy');
  });

  it('answers 500 through the sync interface when a body is async, naming the route', async () => {
    const log = vi.fn();
    const router = createRouter({ log }).get('/a', () => stream((async function* () {})()));
    const res = await clientFor(router, 'sync').get('/a');
    expect(res.status).toBe(500);
    expect(String(log.mock.calls[0]?.[0])).toMatch(/GET \/a returned an async body/);
  });
});
