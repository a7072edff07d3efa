import { describe, expect, it, vi } from 'vitest';
import { createRouter, HttpError, json, messages, text, type AsyncNext, type Middleware } from '../src/index.js';
import { clientFor, describeMatrix } from './support/matrix.js';

class PaymentRequired extends Error {}

describeMatrix('middleware', (client) => {
  const order: string[] = [];
  const outer: Middleware = (req, next) => {
    order.push('outer before');
    const res = next();
    order.push('outer after');
    res.headers.set('x-outer', 'yes');
    return res;
  };
  const inner: Middleware = function inner(req, next) {
    order.push('inner before');
    if (req.headers.get('authorization') !== 'secret') return text('Unauthorized', { status: 401 });
    const res = next();
    order.push('inner after');
    return res;
  };
  const api = createRouter();
  api.use(function tagApi(_req, next) {
    const res = next();
    res.headers.set('x-api', '1');
    return res;
  });
  api.get('/thing', () => 'thing');
  const router = createRouter();
  router.use(outer, inner);
  router.get('/hello', () => {
    order.push('handler');
    return 'hi';
  });
  router.get('/boom', () => {
    throw new HttpError(409, 'Already exists');
  });
  router.mount('/api', api);

  it('runs before and after the handler, outermost first', async () => {
    order.length = 0;
    const res = await client(router).get('/hello', { headers: { authorization: 'secret' } });
    expect(res.text).toBe('hi');
    expect(res.headers.get('x-outer')).toBe('yes');
    expect(order).toEqual(['outer before', 'inner before', 'handler', 'inner after', 'outer after']);
  });

  it('short-circuits without calling the handler', async () => {
    order.length = 0;
    const res = await client(router).get('/hello');
    expect(res.status).toBe(401);
    expect(res.headers.get('x-outer')).toBe('yes');
    expect(order).toEqual(['outer before', 'inner before', 'outer after']);
  });

  it('sees the error page of a failing handler', async () => {
    const res = await client(router).get('/boom', { headers: { authorization: 'secret' } });
    expect(res.status).toBe(409);
    expect(res.text).toBe('Already exists');
    expect(res.headers.get('x-outer')).toBe('yes');
  });

  it('wraps 404 answers too', async () => {
    const res = await client(router).get('/missing', { headers: { authorization: 'secret' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-outer')).toBe('yes');
  });

  it('runs a sub-router middleware inside its parent middleware', async () => {
    const res = await client(router).get('/api/thing', { headers: { authorization: 'secret' } });
    expect([res.text, res.headers.get('x-api'), res.headers.get('x-outer')]).toEqual(['thing', '1', 'yes']);
  });
});

describeMatrix('error handlers', (client) => {
  const sub = createRouter();
  sub.get('/missing', () => {
    throw new HttpError(404, 'no such thing');
  });
  sub.onError(404, (err) => json({ error: err.message }, { status: 404 }));
  const router = createRouter();
  router.get('/pay', () => {
    throw new PaymentRequired('pay first');
  });
  router.get('/crash', () => {
    throw new Error('secret database password in this message');
  });
  router.onError(PaymentRequired, (err) => text(`402: ${err.message}`, { status: 402 }));
  router.onError(404, (_err, req) => text(`nothing at ${req.path}`, { status: 404 }));
  router.mount('/sub', sub);

  it('handles errors of a class', async () => {
    const res = await client(router).get('/pay');
    expect([res.status, res.text]).toEqual([402, '402: pay first']);
  });

  it('handles a status, including the router’s own 404', async () => {
    expect((await client(router).get('/nowhere')).text).toBe('nothing at /nowhere');
  });

  it('prefers the sub-router’s handler for its own routes', async () => {
    expect((await client(router).get('/sub/missing')).json()).toEqual({ error: 'no such thing' });
  });

  it('never leaks a stack trace or message from an unexpected error', async () => {
    const log = vi.fn();
    const res = await client(createRouter({ log }).get('/crash', () => {
      throw new Error('secret database password');
    })).get('/crash');
    expect(res.status).toBe(500);
    expect(res.text).toBe('Internal Server Error');
    expect(log).toHaveBeenCalledOnce();
  });

  it('shows the stack when debug is on', async () => {
    const log = vi.fn();
    const res = await client(createRouter({ debug: true, log }).get('/crash', () => {
      throw new Error('visible in debug');
    })).get('/crash');
    expect(res.status).toBe(500);
    expect(res.text).toMatch(/^Internal Server Error\n\nError: visible in debug\n\s+at /);
  });

  it('falls back to the default page when an error handler throws', async () => {
    const log = vi.fn();
    const r = createRouter({ log });
    r.get('/x', () => {
      throw new HttpError(400, 'bad');
    });
    r.onError(400, () => {
      throw new Error('handler broke');
    });
    const res = await client(r).get('/x');
    expect([res.status, res.text]).toEqual([500, 'Internal Server Error']);
    expect(String(log.mock.calls[0]?.[0])).toMatch(/handler broke/);
  });

  it('logs unexpected errors to tsgi.errors (sync) or console.error (async) by default', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await client(createRouter().get('/crash', () => {
      throw new Error('logged');
    })).get('/crash');
    expect(res.status).toBe(500);
    expect(errors.mock.calls.flat().join(' ')).toMatch(/tsgi router:.*Error: logged/s);
    errors.mockRestore();
  });
});

describe('middleware and the two interfaces', () => {
  it('runs async middleware around sync handlers through the async interface', async () => {
    const router = createRouter();
    router.use(async (_req, next: AsyncNext) => {
      const res = await next();
      res.headers.set('x-async', '1');
      return res;
    });
    router.get('/', () => 'ok');
    const res = await clientFor(router, 'async').get('/');
    expect(res.headers.get('x-async')).toBe('1');
  });

  it('refuses a sync middleware around an async handler, naming both', () => {
    const router = createRouter();
    router.use(function timing(_req, next) {
      return next();
    });
    router.get('/slow', async () => await Promise.resolve('slow'));
    expect(() => router.async).toThrow(messages.syncMiddlewareOverAsync('timing', ['GET /slow']));
  });

  it('answers a plain function returning a Promise under a sync middleware with a clear 500', async () => {
    const log = vi.fn();
    const router = createRouter({ log });
    router.use((_req, next) => next());
    router.get('/p', () => Promise.resolve('late') as never);
    const res = await clientFor(router, 'async').get('/p');
    expect(res.status).toBe(500);
    expect(String(log.mock.calls[0]?.[0])).toBe(`RouterError: ${messages.promiseInSync('GET /p')}`);
  });
});
