import { describe, expect, it, vi } from 'vitest';
import { createScope } from '../create-scope.js';
import { isAsyncSpecError, isLifespanError } from '../errors.js';
import { LIFESPAN_MESSAGES } from '../messages.js';
import type { LogFn } from '../transport.js';
import type { AsyncApp } from '../types/app.js';
import { createLifespan } from './lifespan.js';

const quiet: LogFn = () => {};

/** A lifespan app that records what happened and opens a pool into state. */
function lifespanApp(events: string[], options: { failStartup?: string; failShutdown?: string } = {}): AsyncApp {
  return async (scope, receive, send) => {
    if (scope.type !== 'lifespan') return;
    for (;;) {
      const event = await receive();
      events.push(event.type);
      if (event.type === 'lifespan.startup') {
        if (options.failStartup) {
          await send({ type: 'lifespan.startup.failed', message: options.failStartup });
          return;
        }
        scope.state ??= {};
        scope.state.pool = { open: true };
        await send({ type: 'lifespan.startup.complete' });
      } else if (event.type === 'lifespan.shutdown') {
        await send(
          options.failShutdown
            ? { type: 'lifespan.shutdown.failed', message: options.failShutdown }
            : { type: 'lifespan.shutdown.complete' },
        );
        return;
      }
    }
  };
}

describe('createLifespan', () => {
  it('runs startup and shutdown in order', async () => {
    const events: string[] = [];
    const lifespan = createLifespan(lifespanApp(events), { mode: 'on' });
    await lifespan.startup();
    expect(events).toEqual(['lifespan.startup']);
    await lifespan.shutdown();
    expect(events).toEqual(['lifespan.startup', 'lifespan.shutdown']);
  });

  it('copies state shallowly into each request scope', async () => {
    const lifespan = createLifespan(lifespanApp([]), { mode: 'on' });
    await lifespan.startup();
    const first = createScope({ method: 'GET', target: '/', headers: [], state: lifespan.state });
    const second = createScope({ method: 'GET', target: '/', headers: [], state: lifespan.state });
    expect(first.state?.pool).toEqual({ open: true });
    first.state!.user = 'ada';
    expect(second.state?.user).toBeUndefined();
    expect(lifespan.state.user).toBeUndefined();
    // Shallow: the objects inside are shared, as the app intends for pools.
    expect(first.state?.pool).toBe(lifespan.state.pool);
    await lifespan.shutdown();
  });

  it('rejects startup with a LifespanError carrying the app message', async () => {
    const lifespan = createLifespan(lifespanApp([], { failStartup: 'database down' }), { mode: 'on' });
    const error: unknown = await lifespan.startup().catch((e: unknown) => e);
    expect(isLifespanError(error) && [error.phase, error.reason]).toEqual(['startup', 'database down']);
    expect((error as Error).message).toContain('database down');
  });

  it('rejects shutdown with a LifespanError carrying the app message', async () => {
    const lifespan = createLifespan(lifespanApp([], { failShutdown: 'flush failed' }), { mode: 'auto' });
    await lifespan.startup();
    const error: unknown = await lifespan.shutdown().catch((e: unknown) => e);
    expect(isLifespanError(error) && [error.phase, error.reason]).toEqual(['shutdown', 'flush failed']);
  });

  it("treats an app that raises before answering as unsupported in 'auto' mode", async () => {
    const app: AsyncApp = (scope) => Promise.reject(new Error(`unsupported scope ${scope.type}`));
    const lifespan = createLifespan(app, { mode: 'auto', log: quiet });
    await expect(lifespan.startup()).resolves.toBeUndefined();
    await expect(lifespan.shutdown()).resolves.toBeUndefined();
  });

  it("treats an app that returns before answering as unsupported in 'auto' mode", async () => {
    const lifespan = createLifespan(async () => {}, { log: quiet });
    await expect(lifespan.startup()).resolves.toBeUndefined();
  });

  it("rejects with the raised message in 'on' mode", async () => {
    const app: AsyncApp = () => Promise.reject(new Error('no lifespan here'));
    const error: unknown = await createLifespan(app, { mode: 'on' }).startup().catch((e: unknown) => e);
    expect(isLifespanError(error) && error.reason).toBe('no lifespan here');
  });

  it("rejects an app that returns without answering in 'on' mode", async () => {
    const error: unknown = await createLifespan(async () => {}, { mode: 'on' }).startup().catch((e: unknown) => e);
    expect(isLifespanError(error) && error.reason).toBe(LIFESPAN_MESSAGES.returnedBeforeStartup);
  });

  it("reports a spec violation even in 'auto' mode", async () => {
    const app: AsyncApp = async (_scope, _receive, send) => {
      await send({ type: 'lifespan.shutdown.complete' });
    };
    const error: unknown = await createLifespan(app).startup().catch((e: unknown) => e);
    expect(isLifespanError(error) && isAsyncSpecError(error.cause)).toBe(true);
    expect((error as Error & { reason: string }).reason).toBe(LIFESPAN_MESSAGES.shutdownBeforeShutdown('lifespan.shutdown.complete'));
  });

  it("never calls the app in 'off' mode, with the same surface", async () => {
    let called = false;
    const lifespan = createLifespan(
      () => {
        called = true;
        return Promise.resolve();
      },
      { mode: 'off', state: { a: 1 } },
    );
    await lifespan.startup();
    await lifespan.shutdown();
    expect(called).toBe(false);
    expect(lifespan.state).toEqual({ a: 1 });
  });

  it('refuses an unknown mode', () => {
    expect(() => createLifespan(async () => {}, { mode: 'maybe' as 'on' })).toThrow(LIFESPAN_MESSAGES.badMode('maybe'));
  });

  it('refuses a timeout that is not a positive number', () => {
    expect(() => createLifespan(async () => {}, { timeout: 0 })).toThrow(LIFESPAN_MESSAGES.badTimeout(0));
  });

  it('fails startup when the app does not answer within the default 60 s, even in auto mode', async () => {
    vi.useFakeTimers();
    try {
      const lifespan = createLifespan(async (_scope, receive) => {
        await receive();
        await new Promise(() => undefined);
      });
      const startup = lifespan.startup().catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(59_999);
      await vi.advanceTimersByTimeAsync(1);
      const error = await startup;
      expect(isLifespanError(error) && [error.phase, error.reason]).toEqual(['startup', LIFESPAN_MESSAGES.timedOut('startup', 60_000)]);
      // Nothing to shut down: the app never started.
      await expect(lifespan.shutdown()).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('fails shutdown when the app does not answer within its timeout', async () => {
    vi.useFakeTimers();
    try {
      const lifespan = createLifespan(
        async (_scope, receive, send) => {
          await receive();
          await send({ type: 'lifespan.startup.complete' });
          await receive();
          await new Promise(() => undefined);
        },
        { timeout: 5_000 },
      );
      await lifespan.startup();
      const shutdown = lifespan.shutdown().catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(5_000);
      const error = await shutdown;
      expect(isLifespanError(error) && [error.phase, error.reason]).toEqual(['shutdown', LIFESPAN_MESSAGES.timedOut('shutdown', 5_000)]);
    } finally {
      vi.useRealTimers();
    }
  });
});
