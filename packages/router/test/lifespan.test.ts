import { describe, expect, it, vi } from 'vitest';
import { createLifespan, validate } from '@tsgi/async';
import { createRouter, messages, stream } from '../src/index.js';
import { clientFor, describeMatrix } from './support/matrix.js';

describe('lifespan', () => {
  it('runs startup and shutdown hooks, and handlers see the state', async () => {
    const events: string[] = [];
    const db = createRouter();
    db.onStartup((state) => {
      state.db = 'connected';
      events.push('db up');
    });
    const router = createRouter();
    router.onStartup(async (state) => {
      await Promise.resolve();
      state.cache = new Map([['k', 'v']]);
      events.push('cache up');
    });
    router.onShutdown(() => void events.push('down'));
    router.mount('/db', db);
    router.get('/state', (req) => ({ db: req.state.db, cache: (req.state.cache as Map<string, string>).get('k') }));
    const client = clientFor(router, 'async');
    await client.startup();
    expect(events).toEqual(['cache up', 'db up']);
    expect((await client.get('/state')).json()).toEqual({ db: 'connected', cache: 'v' });
    await client.shutdown();
    expect(events).toEqual(['cache up', 'db up', 'down']);
  });

  it('reports a failing startup hook with its message', async () => {
    const router = createRouter().onStartup(() => {
      throw new Error('no database');
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const lifespan = createLifespan(validate(router.async), { mode: 'on' });
    await expect(lifespan.startup()).rejects.toThrow(/no database/);
    errors.mockRestore();
  });

  it('runs sync startup hooks once before the first request through the sync interface', async () => {
    const hook = vi.fn((state: Record<string, unknown>) => void (state.ready = true));
    const router = createRouter().onStartup(hook).get('/', (req) => ({ ready: req.state.ready }));
    const client = clientFor(router, 'sync');
    expect((await client.get('/')).json()).toEqual({ ready: true });
    await client.get('/');
    expect(hook).toHaveBeenCalledOnce();
  });

  it('refuses async lifespan hooks through the sync interface', () => {
    const router = createRouter().onStartup(async function connect() {});
    expect(() => router.sync).toThrow(messages.refused('sync', ['lifespan hook connect']));
  });
});

describeMatrix('background tasks', (client) => {
  it('run after the response was sent, and errors in them are only logged', async () => {
    const events: string[] = [];
    const log = vi.fn();
    const router = createRouter({ log }).get('/signup', (req) => {
      req.background(() => void events.push('email sent'));
      req.background(() => {
        throw new Error('mailer down');
      });
      req.background(() => void events.push('after the failure'));
      events.push('handler');
      return 'welcome';
    });
    const res = await client(router).get('/signup');
    expect(res.text).toBe('welcome');
    expect(events).toEqual(['handler', 'email sent', 'after the failure']);
    expect(String(log.mock.calls[0]?.[0])).toMatch(/mailer down/);
  });

  it('run after a streamed body ends', async () => {
    const events: string[] = [];
    const router = createRouter().get('/s', (req) => {
      req.background(() => void events.push('task'));
      return stream(
        (function* () {
          events.push('chunk 1');
          yield 'a';
          events.push('chunk 2');
          yield 'b';
        })(),
      );
    });
    expect((await client(router).get('/s')).text).toBe('ab');
    expect(events).toEqual(['chunk 1', 'chunk 2', 'task']);
  });
});
