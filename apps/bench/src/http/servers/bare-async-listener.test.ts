import { createServer, request, type Server } from 'node:http';
import { connect } from 'node:net';
import { createScope, type AsyncApp, type HTTPScope, type ReceiveEvent } from '@tsgi/async';
import { afterEach, describe, expect, it } from 'vitest';
import { app as rawAsyncApp } from '../apps/raw-async.js';
import { checkScenarios } from '../run.js';
import { SCENARIOS } from '../scenarios.js';
import { toBareListener } from './bare-async-listener.js';

let server: Server | undefined;

async function serve(app: AsyncApp): Promise<number> {
  server = createServer(toBareListener(app));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
  });
}

afterEach(async () => {
  const open = server;
  server = undefined;
  open?.closeAllConnections();
  if (open) await new Promise((resolve) => open.close(resolve));
});

describe('toBareListener', () => {
  it('answers every HTTP scenario correctly with the raw async app', async () => {
    const port = await serve(rawAsyncApp);
    expect(await checkScenarios(port, SCENARIOS)).toBeNull();
  });

  it('builds the scope createScope builds for a plain request', async () => {
    const encoder = new TextEncoder();
    const port = await serve(async (scope, _receive, send) => {
      const body = encoder.encode(JSON.stringify(scope));
      await send({ type: 'http.response.start', status: 200, headers: [['content-length', String(body.byteLength)]] });
      await send({ type: 'http.response.body', body });
    });
    // Exact bytes on a raw socket, so the header names' case and order are known.
    const raw = await rawExchange(port, 'GET /a/b?x=1&y HTTP/1.1\r\nHost: h.test\r\nX-Trace: abc\r\nConnection: close\r\n\r\n');
    const scope = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as HTTPScope;
    const expected = createScope({
      method: 'GET',
      target: '/a/b?x=1&y',
      headers: [
        ['Host', 'h.test'],
        ['X-Trace', 'abc'],
        ['Connection', 'close'],
      ],
      client: scope.client,
      server: ['127.0.0.1', port],
    });
    expect(scope).toEqual(expected);
    expect(scope.client?.[0]).toBe('127.0.0.1');
  });

  it('hands the app each piece of a streamed body as it arrives, then disconnect once the response is done', async () => {
    const events: ReceiveEvent[] = [];
    let afterResponse: Promise<ReceiveEvent> | undefined;
    const port = await serve(async (_scope, receive, send) => {
      await send({ type: 'http.response.start', status: 200 });
      for (;;) {
        const event = await receive();
        events.push(event);
        if (event.type !== 'http.request') break;
        await send({ type: 'http.response.body', body: event.body, moreBody: event.moreBody });
        if (!event.moreBody) break;
      }
      afterResponse = receive();
    });
    const body = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/', method: 'POST', agent: false, headers: { 'transfer-encoding': 'chunked' } }, (res) => {
        // The app echoed the first piece, so it has seen it: the second one is a separate read.
        req.end('second');
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(Buffer.concat(chunks).toString()));
      });
      req.on('error', reject);
      req.write('first');
    });
    expect(body).toBe('firstsecond');
    expect(events[0]).toEqual({ type: 'http.request', body: Buffer.from('first'), moreBody: true });
    expect(events.at(-1)).toMatchObject({ type: 'http.request', moreBody: false });
    expect(await afterResponse).toEqual({ type: 'http.disconnect' });
  });
});
