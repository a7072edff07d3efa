// The app's response meets what Express middleware already put on `res`.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import helmet from 'helmet';
import { afterEach, describe, expect, it } from 'vitest';
import { tsgi } from '../src/index.js';
import { EXPRESS_MAJORS, serve, type Running } from './support/serve.js';

let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const COOKIES: Array<[string, string]> = [
  ['set-cookie', 'a=1; Path=/'],
  ['set-cookie', 'b=2; Path=/'],
];
const syncCookies: SyncApp = (_environ, startResponse) => {
  startResponse('200 OK', [['Content-Type', 'text/plain'], ...COOKIES, ['X-Frame-Options', 'DENY']]);
  return [new TextEncoder().encode('ok')];
};
const asyncCookies: AsyncApp = async (scope, _receive, send) => {
  if (scope.type !== 'http') return;
  await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain'], ...COOKIES, ['x-frame-options', 'DENY']] });
  await send({ type: 'http.response.body', body: new TextEncoder().encode('ok') });
};

describe.each(EXPRESS_MAJORS)('%s', (_major, express) => {
  describe.each([['sync', syncCookies] as const, ['async', asyncCookies] as const])('a %s app', (_kind, app) => {
    it("keeps the app's repeated headers beside the headers Express middleware set", async () => {
      running = await serve(express().use(helmet()).use('/api', tsgi(app)));
      const res = await running.get('/api/x');
      expect(res.headers.filter(([name]) => name === 'set-cookie').map(([, value]) => value)).toEqual(['a=1; Path=/', 'b=2; Path=/']);
      expect(res.headers).toContainEqual(['x-content-type-options', 'nosniff']);
    });

    it('lets the app override a header middleware set, once', async () => {
      running = await serve(express().use(helmet()).use('/api', tsgi(app)));
      const res = await running.get('/api/x');
      expect(res.headers.filter(([name]) => name === 'x-frame-options')).toEqual([['x-frame-options', 'DENY']]);
    });
  });
});
