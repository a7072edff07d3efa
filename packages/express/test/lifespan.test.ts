// Startup before the first request (requests wait for it) or at ready(); shutdown when the attached
// server closes, or at close(); a failed startup goes to Express's error handlers.
import type { AsyncApp, LifespanReceiveEvent } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import express from 'express';
import { createServer } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXPRESS_MESSAGES, tsgi } from '../src/index.js';
import { deferred } from './support/deferred.js';
import { closeServer, listen } from './support/listen.js';
import { serve, type Running } from './support/serve.js';

let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** An app whose startup waits for `release`, recording each lifespan step and each request's state. */
function lifespanApp(release: Promise<void> = Promise.resolve()) {
  const steps: string[] = [];
  const begun = deferred();
  const app: AsyncApp = async (scope, receive, send) => {
    if (scope.type === 'lifespan') {
      for (;;) {
        const event = (await receive()) as LifespanReceiveEvent;
        steps.push(event.type);
        if (event.type === 'lifespan.startup') {
          begun.resolve();
          await release;
          scope.state!.db = 'connected';
          await send({ type: 'lifespan.startup.complete' });
        } else {
          await send({ type: 'lifespan.shutdown.complete' });
          return;
        }
      }
    }
    if (scope.type !== 'http') return;
    steps.push(`request ${scope.path}`);
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain']] });
    await send({ type: 'http.response.body', body: new TextEncoder().encode(String(scope.state?.db)) });
  };
  return { app, steps, begun: begun.promise };
}

describe('lifespan', () => {
  it('holds the first request until startup completes', async () => {
    const release = deferred();
    const { app, steps, begun } = lifespanApp(release.promise);
    running = await serve(express().use('/api', tsgi(app)));
    const answer = running.get('/api/first');
    await begun; // the request itself started startup, and waits behind it
    expect(steps).toEqual(['lifespan.startup']);
    release.resolve();
    expect(await answer).toMatchObject({ status: 200, text: 'connected' });
    expect(steps).toEqual(['lifespan.startup', 'request /first']);
  });

  it('runs startup once, at ready(), however often it is called', async () => {
    const { app, steps } = lifespanApp();
    const middleware = tsgi(app);
    await Promise.all([middleware.ready(), middleware.ready()]);
    running = await serve(express().use('/api', middleware));
    await running.get('/api/x');
    expect(steps).toEqual(['lifespan.startup', 'request /x']);
    await middleware.close();
  });

  it('runs shutdown once when the attached server closes', async () => {
    const { app, steps } = lifespanApp();
    const middleware = tsgi(app);
    const server = middleware.attach(createServer(express().use('/api', middleware)));
    running = await serve(server);
    await middleware.ready();
    await running.close();
    await middleware.close(); // resolves when the shutdown the 'close' event began has finished
    expect(steps).toEqual(['lifespan.startup', 'lifespan.shutdown']);
  });

  it("sends requests to Express's error handler when startup failed, and ready() rejects", async () => {
    const log = vi.fn();
    const app: AsyncApp = async (scope, receive, send) => {
      if (scope.type !== 'lifespan') return;
      await receive();
      await send({ type: 'lifespan.startup.failed', message: 'no database' });
    };
    const middleware = tsgi(app, { log });
    await expect(middleware.ready()).rejects.toMatchObject({ name: 'LifespanError' });
    const expressApp = express().use('/api', middleware);
    expressApp.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(503).send(`${error.name}: ${error.message}`);
    });
    running = await serve(expressApp);
    const res = await running.get('/api/x');
    expect(res.status).toBe(503);
    expect(res.text).toMatch(/^LifespanError: .*no database/);
  });

  it('answers 503 through the error handler once closed', async () => {
    const { app } = lifespanApp();
    const middleware = tsgi(app);
    await middleware.ready();
    await middleware.close();
    const expressApp = express().use('/api', middleware);
    running = await serve(expressApp);
    const res = await running.get('/api/x');
    expect(res.status).toBe(503);
    expect(res.text).toContain(EXPRESS_MESSAGES.closed);
  });

  it('never calls a sync app with lifespan, and serves it at once', async () => {
    const app: SyncApp = (_environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      return [new TextEncoder().encode('sync')];
    };
    const middleware = tsgi(app);
    await middleware.ready();
    running = await serve(express().use(middleware));
    expect(await running.get('/')).toMatchObject({ status: 200, text: 'sync' });
    await middleware.close();
  });

  it('closes cleanly when never started', async () => {
    const server = createServer();
    const { app, steps } = lifespanApp();
    tsgi(app).attach(server);
    await listen(server);
    await closeServer(server);
    expect(steps).toEqual([]);
  });
});
