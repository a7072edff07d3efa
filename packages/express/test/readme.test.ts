// The README's quick start, run as written: its imports are checked and supplied, and the only change
// is the port (0 on 127.0.0.1, never 3000 on every interface).
import type { AsyncApp } from '@tsgi/async';
import express from 'express';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo, Server as NetServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tsgi, type TsgiMiddleware } from '../src/index.js';
import { closeServer } from './support/listen.js';
import { openSocket } from './support/ws-client.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const [QUICK_START = ''] = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
const IMPORTS = QUICK_START.split('\n').filter((line) => line.startsWith('import '));
const BODY = QUICK_START.split('\n').filter((line) => !line.startsWith('import ')).join('\n');
const LISTEN = 'app.listen(3000)';

const calls: string[] = [];
const encoder = new TextEncoder();

/** The README's './my-app.js': an async app with lifespan, an HTTP answer and a WebSocket echo. */
const myApp: AsyncApp = async (scope, receive, send) => {
  if (scope.type === 'lifespan') {
    for (;;) {
      const message = await receive();
      calls.push(message.type);
      await send({ type: message.type === 'lifespan.startup' ? 'lifespan.startup.complete' : 'lifespan.shutdown.complete' });
      if (message.type === 'lifespan.shutdown') return;
    }
  }
  if (scope.type === 'websocket') {
    await receive();
    await send({ type: 'websocket.accept' });
    const message = await receive();
    if (message.type === 'websocket.receive') await send({ type: 'websocket.send', text: `${scope.rootPath} ${scope.path} ${message.text ?? ''}` });
    await send({ type: 'websocket.close', code: 1000 });
    return;
  }
  if (scope.type !== 'http') return;
  await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain']] });
  await send({ type: 'http.response.body', body: encoder.encode(`${scope.rootPath} ${scope.path}`) });
};

type QuickStart = (express: unknown, tsgi: unknown, myApp: AsyncApp) => Promise<void>;
// The constructor of async functions: the block uses top-level await, so it runs as an async body.
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (...args: string[]) => QuickStart;

describe('the README quick start', () => {
  let api: TsgiMiddleware | undefined;
  let server: Server | undefined;
  let url = '';

  beforeAll(async () => {
    expect(BODY).toContain(LISTEN);
    // The block keeps its middleware and server in local constants: the tsgi handed to it records them.
    const recording = (app: AsyncApp): TsgiMiddleware => {
      const middleware = tsgi(app);
      const attach = middleware.attach;
      middleware.attach = <S extends NetServer>(target: S, options?: Parameters<TsgiMiddleware['attach']>[1]): S => {
        const attached = attach(target, options);
        server = attached as unknown as Server;
        return attached;
      };
      return (api = middleware);
    };
    await new AsyncFunction('express', 'tsgi', 'myApp', BODY.replace(LISTEN, "app.listen(0, '127.0.0.1')"))(express, recording, myApp);
    if (!server!.listening) await new Promise((resolve) => server!.once('listening', resolve));
    url = `127.0.0.1:${(server!.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    if (server) await closeServer(server);
    await api?.close();
  });

  it('imports express, tsgi and the app, nothing else', () => {
    expect(IMPORTS).toEqual([
      "import express from 'express';",
      "import { tsgi } from '@tsgi/express';",
      "import { app as myApp } from './my-app.js'; // an async tsgi app (a sync one: see below)",
    ]);
  });

  it('ran lifespan startup before serving, and serves the app below /api', async () => {
    expect(calls).toEqual(['lifespan.startup']);
    const res = await fetch(`http://${url}/api/users`);
    expect([res.status, await res.text()]).toEqual([200, '/api /users']);
  });

  it("serves the app's WebSockets under /api", async () => {
    const socket = await openSocket(`ws://${url}/api/echo`);
    await socket.send('hi');
    expect(await socket.receive()).toBe('/api /echo hi');
    await socket.closed;
  });

  it('runs lifespan shutdown when the server closes', async () => {
    await closeServer(server!);
    await api!.close();
    expect(calls).toEqual(['lifespan.startup', 'lifespan.shutdown']);
  });
});
