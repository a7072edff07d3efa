import type { AsyncApp } from '@tsgi/async';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { toNodeUpgradeHandler } from '../to-node-upgrade-handler.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Serves `app`'s WebSocket side on 127.0.0.1 and returns a client URL. */
async function serve(app: AsyncApp, options: { pingInterval?: number; pingTimeout?: number } = {}): Promise<string> {
  const server = createServer((_req, res) => res.end());
  const upgrade = toNodeUpgradeHandler(app, { interface: 'async', pingInterval: 0, ...options });
  server.on('upgrade', upgrade);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(async () => {
    await upgrade.closeAll();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** Accepts, then sends each message back as it came: text as text, bytes as bytes. */
const echo: AsyncApp = async (_scope, receive, send) => {
  await receive();
  await send({ type: 'websocket.accept' });
  for (;;) {
    const event = await receive();
    if (event.type !== 'websocket.receive') return;
    await send(event.text != null ? { type: 'websocket.send', text: event.text } : { type: 'websocket.send', bytes: event.bytes ?? new Uint8Array(0) });
  }
};

describe('the WebSocket transport', () => {
  it('accepts a handshake whose Upgrade offers websocket among other protocols', async () => {
    let accepted = false;
    const url = new URL(
      await serve(async (_scope, receive, send) => {
        await receive();
        await send({ type: 'websocket.accept' });
        accepted = true;
        await send({ type: 'websocket.close', code: 1000 });
      }),
    );
    const socket = connect(Number(url.port), url.hostname);
    socket.write(
      'GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: h2c, websocket\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    const [head] = (await once(socket, 'data')) as [Buffer];
    socket.destroy();
    // RFC 6455 §4.2.2: 101 with the accept value of the key (the RFC's own example).
    expect(head.toString('latin1')).toMatch(/^HTTP\/1\.1 101 [^]*\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK\+xOo=\r\n/i);
    expect(accepted).toBe(true);
  });

  it('resolves a send only once a client that stopped reading has taken the message', async () => {
    // 32 MiB is more than loopback's socket buffers hold, so the server's socket must wait to drain.
    const big = new Uint8Array(32 * 1024 * 1024);
    let state = 'not sent';
    let sent!: () => void;
    const sending = new Promise<void>((resolve) => (sent = resolve));
    const url = await serve(async (_scope, receive, send) => {
      await receive();
      await send({ type: 'websocket.accept' });
      const pending = send({ type: 'websocket.send', bytes: big });
      state = 'pending';
      sent();
      await pending;
      state = 'resolved';
      for (;;) if ((await receive()).type === 'websocket.disconnect') return;
    });
    const client = new WebSocket(url, { maxPayload: 64 * 1024 * 1024 });
    await once(client, 'upgrade');
    // Stop reading before the message arrives, as a slow client would.
    const socket = (client as unknown as { _socket: Socket })._socket;
    socket.pause();
    await sending;
    // A send that could resolve at once would have by the next turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    expect(state).toBe('pending');
    const message = once(client, 'message');
    socket.resume();
    const [data] = (await message) as [Buffer];
    expect(data.byteLength).toBe(big.byteLength);
    await expect.poll(() => state).toBe('resolved');
    client.close();
  });

  it('echoes text, including characters outside the BMP, byte for byte', async () => {
    const url = await serve(echo);
    const client = new WebSocket(url);
    await once(client, 'open');
    const texts = ['plain', 'héllo wörld', '🙂 emoji', ''];
    for (const text of texts) {
      const reply = once(client, 'message');
      client.send(text);
      const [data, isBinary] = (await reply) as [Buffer, boolean];
      expect([data.toString('utf8'), isBinary]).toEqual([text, false]);
    }
    client.close();
  });
  it('hands every message of a flood to an app that was busy, in order', async () => {
    let release!: () => void;
    const busy = new Promise<void>((resolve) => (release = resolve));
    const url = await serve(async (_scope, receive, send) => {
      await receive();
      await send({ type: 'websocket.accept' });
      // Hundreds of messages arrive meanwhile: the socket is paused past 64 and resumed as they are taken.
      await busy;
      const texts: string[] = [];
      while (texts.length < 500) {
        const event = await receive();
        if (event.type !== 'websocket.receive') break;
        texts.push(event.text ?? '');
      }
      const inOrder = texts.every((text, i) => text === String(i));
      await send({ type: 'websocket.send', text: `${texts.length} ${inOrder ? 'in order' : 'out of order'}` });
    });
    const client = new WebSocket(url);
    await once(client, 'open');
    for (let i = 0; i < 500; i++) client.send(String(i));
    const reply = once(client, 'message');
    release();
    const [data] = (await reply) as [Buffer];
    expect(data.toString()).toBe('500 in order');
    client.close();
  });

  it('frames every payload length class the way a client reads it back (RFC 6455 §5.2)', async () => {
    const url = await serve(echo);
    const client = new WebSocket(url);
    await once(client, 'open');
    // 7-bit, 16-bit and 64-bit lengths at their edges; binary over 16 KiB goes out uncopied.
    for (const length of [0, 125, 126, 65535, 65536, 16 * 1024 + 1, 300_000]) {
      const bytes = Buffer.alloc(length, length % 251);
      const binary = once(client, 'message');
      client.send(bytes);
      const [echoed, isBinary] = (await binary) as [Buffer, boolean];
      expect([echoed.equals(bytes), isBinary]).toEqual([true, true]);
      const text = 'é'.repeat(Math.floor(length / 2)) + (length % 2 ? 'x' : '');
      const textual = once(client, 'message');
      client.send(text);
      const [echoedText, textIsBinary] = (await textual) as [Buffer, boolean];
      expect([echoedText.toString(), textIsBinary]).toEqual([text, false]);
    }
    client.close();
  });

  it('pings each connection from one shared sweep and drops the one that stops answering', async () => {
    const url = await serve(
      async (_scope, receive, send) => {
        await receive();
        await send({ type: 'websocket.accept' });
        while ((await receive()).type !== 'websocket.disconnect');
      },
      { pingInterval: 0.05, pingTimeout: 0.1 },
    );
    const answering = new WebSocket(url);
    const silent = new WebSocket(url, { autoPong: false });
    await Promise.all([once(answering, 'open'), once(silent, 'open')]);
    let pings = 0;
    answering.on('ping', () => pings++);
    const [code] = (await once(silent, 'close')) as [number];
    expect(code).toBe(1006);
    await expect.poll(() => pings, { timeout: 5000 }).toBeGreaterThanOrEqual(3);
    expect(answering.readyState).toBe(WebSocket.OPEN);
    answering.close();
  });
});
