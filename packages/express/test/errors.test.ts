// Errors before the response go to Express's error handlers; after it, the connection is cut.
// With fallthrough, the app's 404s go back to Express's next route.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import type { ErrorRequestHandler } from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tsgi } from '../src/index.js';
import { EXPRESS_MAJORS, serve, type Running } from './support/serve.js';

let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const syncFailing: SyncApp = () => {
  throw new Error('sync app failed');
};
const asyncFailing: AsyncApp = async () => {
  await Promise.resolve();
  throw new Error('async app failed');
};
const failing = { sync: syncFailing, async: asyncFailing };

/** 404 for /missing, 200 'app' otherwise, through either interface. */
const syncNotFound: SyncApp = (environ, startResponse) => {
  const missing = environ.PATH_INFO === '/missing';
  startResponse(missing ? '404 Not Found' : '200 OK', [['Content-Type', 'text/plain']]);
  return [new TextEncoder().encode(missing ? 'app 404' : 'app')];
};
const asyncNotFound: AsyncApp = async (scope, _receive, send) => {
  if (scope.type !== 'http') return;
  const missing = scope.path === '/missing';
  await send({ type: 'http.response.start', status: missing ? 404 : 200, headers: [['content-type', 'text/plain']] });
  await send({ type: 'http.response.body', body: new TextEncoder().encode(missing ? 'app 404' : 'app') });
};
const notFound = { sync: syncNotFound, async: asyncNotFound };

const lateFailure: AsyncApp = async (scope, _receive, send) => {
  if (scope.type !== 'http') return;
  await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain']] });
  await send({ type: 'http.response.body', body: new TextEncoder().encode('partial'), moreBody: true });
  throw new Error('late failure');
};

const reportError: ErrorRequestHandler = (error: Error, _req, res, _next) => {
  res.status(599).type('text/plain').send(`handled: ${error.message}`);
};

describe.each(EXPRESS_MAJORS)('%s', (_major, express) => {
  describe.each(['sync', 'async'] as const)('a %s app', (kind) => {
    it("hands an error raised before the response to Express's error handler", async () => {
      const app = express();
      app.use('/api', tsgi(failing[kind]));
      app.use(reportError);
      running = await serve(app);
      expect(await running.get('/api/x')).toMatchObject({ status: 599, text: `handled: ${kind} app failed` });
    });

    it('hands 404 answers to the next Express route with fallthrough', async () => {
      const app = express();
      app.use('/api', tsgi(notFound[kind], { fallthrough: true }));
      app.get('/api/missing', (_req, res) => {
        res.send('express route');
      });
      running = await serve(app);
      expect(await running.get('/api/missing')).toMatchObject({ status: 200, text: 'express route' });
      expect(await running.get('/api/found')).toMatchObject({ status: 200, text: 'app' });
    });

    it("sends the app's own 404 without fallthrough", async () => {
      const app = express();
      app.use('/api', tsgi(notFound[kind]));
      app.get('/api/missing', (_req, res) => {
        res.send('express route');
      });
      running = await serve(app);
      expect(await running.get('/api/missing')).toMatchObject({ status: 404, text: 'app 404' });
    });
  });

  it("cuts the connection when the app raises after the response started, without Express's error handler", async () => {
    const log = vi.fn();
    const handler = vi.fn(reportError);
    const app = express();
    app.use(
      '/api',
      tsgi(lateFailure, { log }),
    );
    app.use(handler);
    running = await serve(app);
    const res = await running.request({ method: 'GET', target: '/api/x' });
    expect(res).toMatchObject({ status: 200, incomplete: true });
    expect(handler).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('error', expect.any(String), expect.objectContaining({ message: 'late failure' }));
  });
});
