// WebSockets on the Express server: attach(server, { path }) serves the app's WebSocket routes at
// or below the path, and leaves every other upgrade to the server's other listeners.
import type { AsyncApp, LifespanReceiveEvent, WebSocketReceiveEvent } from '@tsgi/async';
import { isHandshakeDeniedError } from '@tsgi/conformance';
import type { SyncApp } from '@tsgi/sync';
import express from 'express';
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { EXPRESS_MESSAGES, tsgi } from '../src/index.js';
import { deferred } from './support/deferred.js';
import { serve, type Running } from './support/serve.js';
import { openSocket } from './support/ws-client.js';

let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** Accepts, greets with where it is mounted, then echoes; records lifespan steps. */
function echoApp(release: Promise<void> = Promise.resolve()) {
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
          steps.push('startup complete');
          await send({ type: 'lifespan.startup.complete' });
        } else return send({ type: 'lifespan.shutdown.complete' });
      }
    }
    if (scope.type !== 'websocket') return;
    steps.push(`websocket ${scope.path}`);
    await receive(); // websocket.connect
    await send({ type: 'websocket.accept' });
    await send({ type: 'websocket.send', text: `${scope.rootPath} ${scope.path} ${scope.rawPath}` });
    for (;;) {
      const event = (await receive()) as WebSocketReceiveEvent | { type: 'websocket.disconnect' };
      if (event.type !== 'websocket.receive') return;
      await send({ type: 'websocket.send', text: `echo ${event.text ?? ''}` });
    }
  };
  return { app, steps, begun: begun.promise };
}

const wsUrl = (target: string): string => `${running!.url.replace(/^http/, 'ws')}${target}`;

describe('attach(server, { path })', () => {
  it("serves the app's WebSocket routes below the path, with the mount in rootPath", async () => {
    const api = tsgi(echoApp().app);
    running = await serve(api.attach(createServer(express().use('/api', api)), { path: '/api' }));
    const socket = await openSocket(wsUrl('/api/chat/caf%C3%A9'));
    expect(await socket.receive()).toBe('/api /chat/café /api/chat/caf%C3%A9');
    await socket.send('hi');
    expect(await socket.receive()).toBe('echo hi');
    await socket.close(1000, 'done');
    await socket.closed;
  });

  it('leaves upgrades outside the path to the other upgrade listeners', async () => {
    const api = tsgi(echoApp().app);
    const server = api.attach(createServer(express().use('/api', api)), { path: '/api' });
    const other = new WebSocketServer({ noServer: true });
    other.on('connection', (ws) => ws.send('from the other server'));
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!req.url?.startsWith('/api/') && req.url !== '/api') other.handleUpgrade(req, socket, head, (ws) => other.emit('connection', ws, req));
    });
    running = await serve(server);
    for (const target of ['/other', '/apiary']) {
      const socket = await openSocket(wsUrl(target));
      expect(await socket.receive()).toBe('from the other server');
      await socket.close(1000, 'done');
      await socket.closed;
    }
    other.close();
  });

  it('waits for lifespan startup before answering an upgrade', async () => {
    const release = deferred();
    const { app, steps, begun } = echoApp(release.promise);
    const api = tsgi(app);
    running = await serve(api.attach(createServer(express().use('/api', api)), { path: '/api' }));
    const opening = openSocket(wsUrl('/api/chat'));
    await begun; // the upgrade itself started startup, and waits behind it
    release.resolve();
    const socket = await opening;
    expect(await socket.receive()).toBe('/api /chat /api/chat');
    expect(steps).toEqual(['lifespan.startup', 'startup complete', 'websocket /chat']);
    await socket.close(1000, 'done');
    await socket.closed;
  });

  it('says goodbye (1001) to open WebSockets and runs shutdown when the server closes', async () => {
    const { app, steps } = echoApp();
    const api = tsgi(app);
    running = await serve(api.attach(createServer(express().use('/api', api)), { path: '/api' }));
    const socket = await openSocket(wsUrl('/api/chat'));
    await socket.receive();
    const closing = running.close();
    expect(await socket.closed).toMatchObject({ code: 1001 });
    await closing;
    await api.close();
    expect(steps).toEqual(['lifespan.startup', 'startup complete', 'websocket /chat', 'lifespan.shutdown']);
  });

  it('denies upgrades with 503 once closed', async () => {
    const api = tsgi(echoApp().app);
    running = await serve(api.attach(createServer(express().use('/api', api)), { path: '/api' }));
    await api.close();
    const outcome = await openSocket(wsUrl('/api/chat')).catch((error: unknown) => error);
    expect(isHandshakeDeniedError(outcome) && outcome.status).toBe(503);
  });

  it('refuses WebSockets for a sync app, at the attach() call', () => {
    const app: SyncApp = (_environ, startResponse) => {
      startResponse('200 OK', []);
      return [];
    };
    const api = tsgi(app);
    expect(() => api.attach(createServer(), { path: '/api' })).toThrow(EXPRESS_MESSAGES.syncWebSocket);
  });

  it('refuses an Express pattern as the path, at the attach() call', () => {
    const api = tsgi(echoApp().app);
    expect(() => api.attach(createServer(), { path: '/:tenant' })).toThrow(EXPRESS_MESSAGES.badMountPath('/:tenant'));
  });
});
