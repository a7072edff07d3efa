import { describe, expect, it, vi } from 'vitest';
import { createRouter, messages, RouterError, type AsyncNext } from '../src/index.js';
import { clientFor } from './support/matrix.js';

describe('choosing an interface', () => {
  it('refuses app.sync at first access, naming every async route, middleware and error handler', () => {
    const router = createRouter();
    router.get('/fast', () => 'sync');
    router.get('/slow', async () => await Promise.resolve('async'));
    router.post('/upload', async () => await Promise.resolve('async'));
    router.use(async function session(_req, next: AsyncNext) {
      return await next();
    });
    router.onError(500, async function report() {
      return await Promise.resolve('oops');
    });
    const error = (() => {
      try {
        void router.sync;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RouterError);
    expect((error as RouterError).code).toBe('refused');
    expect((error as Error).message).toBe(
      messages.refused('sync', ['middleware session', 'error handler report', 'GET /slow', 'POST /upload']),
    );
  });

  it('serves the same mixed table through the async interface', async () => {
    const router = createRouter();
    router.get('/fast', () => 'sync');
    router.get('/slow', async () => {
      await Promise.resolve();
      return 'async';
    });
    const client = clientFor(router, 'async');
    expect((await client.get('/fast')).text).toBe('sync');
    expect((await client.get('/slow')).text).toBe('async');
  });

  it('answers 500 naming the route when a plain function returns a Promise through the sync interface', async () => {
    const log = vi.fn();
    const router = createRouter({ log }).get('/p', () => Promise.resolve('x') as never);
    const res = await clientFor(router, 'sync').get('/p');
    expect(res.status).toBe(500);
    expect((log.mock.calls[0]?.[0] as Error).message).toBe(messages.promiseInSync('GET /p'));
  });

  it('accepts a plain function returning a Promise through the async interface', async () => {
    const router = createRouter().get('/p', () => Promise.resolve('later') as never);
    expect((await clientFor(router, 'async').get('/p')).text).toBe('later');
  });

  it('compiles each interface once and returns the same app', () => {
    const router = createRouter().get('/', () => '');
    expect(router.sync).toBe(router.sync);
    expect(router.async).toBe(router.async);
  });
});
