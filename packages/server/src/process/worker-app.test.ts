import type { AsyncApp } from '@tsgi/async';
import { requestApp } from '@tsgi/async';
import { callApp, type SyncApp } from '@tsgi/sync';
import { describe, expect, it } from 'vitest';
import { instrumentApp } from './worker-app.js';

describe('instrumentApp', () => {
  it('reports an async request when it starts and each time the app resumes', async () => {
    const events: string[] = [];
    const app: AsyncApp = async (_scope, receive, send) => {
      await receive();
      await send({ type: 'http.response.start', status: 204 });
      await send({ type: 'http.response.body' });
    };
    const wrapped = instrumentApp({ interface: 'async', app }, { started: (label) => events.push(`start ${label}`), resumed: (label) => events.push(`resume ${label}`) });
    expect(wrapped.interface).toBe('async');
    expect((await requestApp(wrapped.app as AsyncApp, { method: 'POST', path: '/report?x=1' })).status).toBe(204);
    expect(events).toEqual(['start POST /report', 'resume POST /report', 'resume POST /report', 'resume POST /report']);
  });

  it('reports a sync request and keeps it sync (arity 2)', () => {
    const events: string[] = [];
    const app: SyncApp = (_environ, startResponse) => {
      startResponse('200 OK', []);
      return [];
    };
    const wrapped = instrumentApp({ interface: 'sync', app }, { started: (label) => events.push(label), resumed: () => undefined });
    expect(wrapped.app.length).toBe(2);
    expect(callApp(wrapped.app as SyncApp, { method: 'GET', target: '/a/b?q=1' }).status).toBe('200 OK');
    expect(events).toEqual(['GET /a/b']);
  });
});
