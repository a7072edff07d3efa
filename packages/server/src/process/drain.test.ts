// The two ways node's own server.close() drops requests already sent (gunicorn#2529), on real sockets.
import { createServer, Agent, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closeQuietConnections, QUIET_MS, SETTLE_MS, stopAccepting } from './drain.js';

let server: Server;
afterEach(() => server?.closeAllConnections());

function listen(handler: Parameters<typeof createServer>[1]): Promise<number> {
  server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

describe('stopAccepting', () => {
  it('serves connections still in the accept queue when draining began (gunicorn#2593)', async () => {
    const port = await listen((_req, res) => res.end('served'));
    const replies = Array.from({ length: 5 }, () => {
      const socket = connect(port, '127.0.0.1');
      socket.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      return new Promise<string>((resolve) => {
        let reply = '';
        socket.on('data', (chunk) => (reply += chunk.toString()));
        socket.on('error', (error) => resolve(String(error)));
        socket.on('close', () => resolve(reply));
      });
    });
    // Let the connects go out, then hold the event loop while the kernel completes the handshakes:
    // the connections wait in the accept queue, not yet accepted, when draining begins.
    await new Promise((resolve) => process.nextTick(resolve));
    const until = Date.now() + 50;
    while (Date.now() < until);
    const stopped = stopAccepting(server);
    for (const reply of await Promise.all(replies)) expect(reply).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*served$/);
    await stopped;
  });

  it('serves a connection whose handshake completes just after draining began', async () => {
    const port = await listen((_req, res) => res.end('served'));
    const stopped = stopAccepting(server);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS / 2));
    const socket = connect(port, '127.0.0.1');
    socket.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('error', (error) => resolve(String(error)));
      socket.on('close', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*served$/);
    await stopped;
  });

  it('stops accepting new connections', async () => {
    const port = await listen((_req, res) => res.end());
    await new Promise<void>((resolve) => {
      void stopAccepting(server).then(resolve);
    });
    await expect(new Promise((resolve, reject) => connect(port, '127.0.0.1').once('connect', resolve).once('error', reject))).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('closeQuietConnections', () => {
  it('keeps a keep-alive connection whose client keeps sending, and closes it once quiet', async () => {
    const port = await listen((_req, res) => res.end('ok'));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = (): Promise<number> =>
      new Promise((resolve, reject) => {
        request({ port, host: '127.0.0.1', agent }, (res) => res.resume().on('end', () => resolve(res.statusCode ?? 0))).on('error', reject).end();
      });
    expect(await get()).toBe(200);
    const socket = [...Object.values(agent.freeSockets)].flat()[0];
    const closed = new Promise<number>((resolve) => socket?.once('close', () => resolve(performance.now())));
    const began = performance.now();
    const sweep = closeQuietConnections(server);
    // Within the quiet period the client sends again: served, not raced by a close.
    expect(await get()).toBe(200);
    expect(await closed).toBeGreaterThanOrEqual(began + QUIET_MS - 50);
    sweep.stop();
    agent.destroy();
  });
});
