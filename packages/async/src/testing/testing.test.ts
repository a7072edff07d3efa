import { describe, expect, it } from 'vitest';
import { CommunicatorTimeout } from '../errors.js';
import { HTTP_MESSAGES } from '../messages.js';
import { createScope } from '../create-scope.js';
import type { AsyncApp } from '../types/app.js';
import { ApplicationCommunicator } from './communicator.js';
import { requestApp } from './request-app.js';

const enc = (text: string) => new TextEncoder().encode(text);

const echo: AsyncApp = async (scope, receive, send) => {
  if (scope.type !== 'http') return;
  const parts: Uint8Array[] = [];
  for (;;) {
    const event = await receive();
    if (event.type !== 'http.request') break;
    if (event.body.byteLength > 0) parts.push(event.body);
    if (!event.moreBody) break;
  }
  await send({ type: 'http.response.start', status: 201, headers: [['x-path', scope.path]], trailers: true });
  for (const part of parts) await send({ type: 'http.response.body', body: part, moreBody: true });
  await send({ type: 'http.response.body' });
  await send({ type: 'http.response.trailers', headers: [['x-parts', String(parts.length)]] });
};

describe('ApplicationCommunicator', () => {
  it('feeds events in and reads events out', async () => {
    const app = new ApplicationCommunicator(echo, createScope({ method: 'POST', target: '/x', headers: [] }));
    app.sendInput({ type: 'http.request', body: enc('hi'), moreBody: false });
    expect(await app.receiveOutput()).toMatchObject({ type: 'http.response.start', status: 201 });
    expect(await app.receiveOutput()).toEqual({ type: 'http.response.body', body: enc('hi'), moreBody: true });
    await app.receiveOutput();
    await app.receiveOutput();
    await app.wait();
    expect(await app.receiveNothing(0)).toBe(true);
  });

  it('rethrows the app error from receiveOutput', async () => {
    const app = new ApplicationCommunicator(() => Promise.reject(new Error('boom')), createScope({ method: 'GET', target: '/', headers: [] }));
    await expect(app.receiveOutput()).rejects.toThrow('boom');
  });

  it('times out when the app sends nothing', async () => {
    const app = new ApplicationCommunicator(async (_s, receive) => void (await receive()), createScope({ method: 'GET', target: '/', headers: [] }));
    expect(await app.receiveNothing(1)).toBe(true);
    await expect(app.receiveOutput(1)).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});

describe('requestApp', () => {
  it('sends a request and collects status, headers, body and trailers', async () => {
    const res = await requestApp(echo, { method: 'POST', target: '/api/items', rootPath: '/api', body: 'payload' });
    expect(res).toMatchObject({ status: 201, text: 'payload', headers: [['x-path', '/items']], trailers: [['x-parts', '1']] });
  });

  it('streams an iterable body chunk by chunk', async () => {
    const res = await requestApp(echo, { method: 'POST', body: [enc('a'), enc('b')] });
    expect([res.text, res.trailers]).toEqual(['ab', [['x-parts', '2']]]);
  });

  it('answers 500 for an app that raises before starting', async () => {
    const logs: string[] = [];
    const res = await requestApp(() => Promise.reject(new Error('x')), { log: (_level, message) => logs.push(message) });
    expect([res.status, res.text]).toEqual([500, 'Internal Server Error']);
    expect(logs).toHaveLength(1);
  });

  it('rejects with the app error when the response is aborted after it started', async () => {
    const app: AsyncApp = async (_s, _r, send) => {
      await send({ type: 'http.response.start', status: 200 });
      throw new Error('mid-stream');
    };
    await expect(requestApp(app, { log: () => {} })).rejects.toThrow('mid-stream');
  });

  it('answers a request the server refuses with its 400, as a host does, instead of throwing', async () => {
    const res = await requestApp(echo, { target: 'no-slash' });
    expect([res.status, res.text]).toEqual([400, `${HTTP_MESSAGES.badTarget('no-slash')}\n`]);
  });

  it('serves pathsend through readFile', async () => {
    const app: AsyncApp = async (_s, _r, send) => {
      await send({ type: 'http.response.start', status: 200 });
      await send({ type: 'http.response.pathsend', path: '/srv/a.txt' });
    };
    const res = await requestApp(app, { readFile: (path) => Promise.resolve(enc(`file ${path}`)) });
    expect(res.text).toBe('file /srv/a.txt');
  });
});

describe('CommunicatorTimeout', () => {
  it('takes { cause } like every tsgi error, and is named TimeoutError', () => {
    const cause = new Error('slow');
    const error = new CommunicatorTimeout('ApplicationCommunicator: timed out', { cause });
    expect([error.name, error.cause]).toEqual(['TimeoutError', cause]);
  });
});
