// WebSocket over real sockets with the real `ws` client (RFC 6455, async spec §4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_MESSAGES } from '@tsgi/node';
import WebSocket from 'ws';
import { app, connects, disconnects } from '../fixtures/websocket-app.js';
import { startServer, type TestServer } from '../support/in-process.js';
import { RawConnection } from '../support/raw-http.js';

let plain: TestServer;
let strict: TestServer;
beforeAll(async () => {
  plain = await startServer(app);
  strict = await startServer(app, { wsMaxSize: 1024, wsPingInterval: 0.2, wsPingTimeout: 0.2, wsPerMessageDeflate: true });
});
afterAll(async () => {
  await Promise.all([plain.server.close(), strict.server.close()]);
});

interface Opened {
  ws: WebSocket;
  closed: Promise<{ code: number; reason: string }>;
  headers: Record<string, string | string[] | undefined>;
}

function open(server: TestServer, path: string, protocols: string[] = [], options: WebSocket.ClientOptions = {}): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, protocols, options);
    const closed = new Promise<{ code: number; reason: string }>((done) => ws.once('close', (code, reason) => done({ code, reason: reason.toString() })));
    let headers: Opened['headers'] = {};
    ws.once('upgrade', (res) => {
      headers = res.headers;
    });
    ws.once('open', () => resolve({ ws, closed, headers }));
    ws.once('error', reject);
  });
}

function denied(server: TestServer, path: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`);
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    ws.once('open', () => reject(new Error('the handshake was accepted')));
    ws.on('error', () => undefined);
  });
}

const next = (ws: WebSocket): Promise<{ data: Buffer; isBinary: boolean }> =>
  new Promise((resolve) => ws.once('message', (data, isBinary) => resolve({ data: data as Buffer, isBinary })));

describe('handshake', () => {
  it('accepts with the subprotocol the app chose and its extra headers', async () => {
    const { ws, headers } = await open(plain, '/chat', ['v2', 'chat']);
    expect(ws.protocol).toBe('chat');
    expect(headers['x-accepted']).toBe('yes');
    ws.close();
  });

  it('sends no subprotocol when the app chose none', async () => {
    // The `ws` client refuses such a reply, so this handshake is raw (RFC 6455 §4.2.2 allows it).
    const connection = await RawConnection.open(plain.port);
    connection.write('GET /chat HTTP/1.1\r\nHost: t\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: v2\r\n\r\n');
    const res = await connection.response();
    expect(res.status).toBe(101);
    expect(res.headers.find(([name]) => name === 'sec-websocket-accept')?.[1]).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
    expect(res.headers.some(([name]) => name === 'sec-websocket-protocol')).toBe(false);
    connection.close();
  });

  it('answers 400 to a handshake without a valid key and 426 to another version', async () => {
    const base = 'GET /chat HTTP/1.1\r\nHost: t\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n';
    for (const [extra, status] of [['Sec-WebSocket-Key: short\r\nSec-WebSocket-Version: 13\r\n', 400], ['Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n', 426]] as const) {
      const connection = await RawConnection.open(plain.port);
      connection.write(`${base}${extra}\r\n`);
      const res = await connection.response();
      expect(res.status).toBe(status);
      if (status === 426) expect(res.headers).toContainEqual(['sec-websocket-version', '13']);
      await connection.waitClosed();
    }
  });

  it("answers with the app's own denial response", async () => {
    const res = await denied(plain, '/deny');
    expect(res.status).toBe(401);
    expect(res.body).toBe('who are you?');
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('answers 403 when the app closes before accepting, and 500 when it raises', async () => {
    expect((await denied(plain, '/reject')).status).toBe(403);
    expect((await denied(plain, '/raise')).status).toBe(500);
    await plain.logged(/boom in a handshake/);
  });
});

describe('messages and close codes', () => {
  it('echoes text and binary messages', async () => {
    const { ws } = await open(plain, '/echo');
    ws.send('héllo');
    const text = await next(ws);
    expect([text.data.toString('utf8'), text.isBinary]).toEqual(['héllo', false]);
    ws.send(Buffer.from([0, 1, 255]));
    const binary = await next(ws);
    expect([[...binary.data], binary.isBinary]).toEqual([[0, 1, 255], true]);
    ws.close();
  });

  it("delivers the app's close code and reason", async () => {
    const { closed } = await open(plain, '/bye');
    expect(await closed).toEqual({ code: 4001, reason: 'bye' });
  });

  it("delivers the client's close code to the app", async () => {
    const { ws, closed } = await open(plain, '/echo');
    ws.close(4002, 'client leaving');
    await closed;
    await expect.poll(() => disconnects.at(-1)).toEqual({ code: 4002, reason: 'client leaving' });
  });

  it('closes with 1009 when a message is over --ws-max-size', async () => {
    const { ws, closed } = await open(strict, '/echo');
    ws.send('x'.repeat(2000));
    expect((await closed).code).toBe(1009);
  });

  it('closes with 1007 when a text message is not UTF-8', async () => {
    const { ws, closed } = await open(plain, '/echo');
    ws.send(Buffer.from([0x68, 0xff, 0xfe]), { binary: false });
    expect((await closed).code).toBe(1007);
  });
});

describe('keepalive and compression', () => {
  it('pings every --ws-ping-interval and keeps a client that answers', async () => {
    const { ws } = await open(strict, '/echo');
    await new Promise((resolve) => ws.once('ping', resolve));
    await new Promise((resolve) => ws.once('ping', resolve));
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });

  it('drops a client that does not answer a ping within --ws-ping-timeout', async () => {
    const { closed } = await open(strict, '/echo', [], { autoPong: false });
    expect((await closed).code).toBe(1006);
    await strict.logged(/no pong within 0\.2s/);
  });

  it('negotiates permessage-deflate only with --ws-per-message-deflate', async () => {
    const compressed = await open(strict, '/echo');
    expect(String(compressed.headers['sec-websocket-extensions'])).toContain('permessage-deflate');
    compressed.ws.send('squeeze me');
    expect((await next(compressed.ws)).data.toString()).toBe('squeeze me');
    compressed.ws.close();
    const uncompressed = await open(plain, '/echo');
    expect(uncompressed.headers['sec-websocket-extensions']).toBeUndefined();
    uncompressed.ws.close();
  });

  it('declines a permessage-deflate offer RFC 7692 forbids and opens uncompressed', async () => {
    const offer = 'permessage-deflate; client_max_window_bits=99';
    const { ws, headers } = await open(strict, '/echo', [], { perMessageDeflate: false, headers: { 'Sec-WebSocket-Extensions': offer } });
    expect(headers['sec-websocket-extensions']).toBeUndefined();
    ws.send('plain');
    expect((await next(ws)).data.toString()).toBe('plain');
    ws.close();
  });

  it('accepts the first usable permessage-deflate offer after a declined one', async () => {
    const connection = await RawConnection.open(strict.port);
    connection.write(
      'GET /echo HTTP/1.1\r\nHost: t\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=7, permessage-deflate; server_no_context_takeover\r\n\r\n',
    );
    const res = await connection.response({ head: true });
    expect(res.status).toBe(101);
    expect(res.headers).toContainEqual(['sec-websocket-extensions', 'permessage-deflate; server_no_context_takeover']);
    connection.close();
  });

  it('answers 400 to a malformed Sec-WebSocket-Extensions before the app sees the handshake', async () => {
    const connection = await RawConnection.open(strict.port);
    connection.write(
      'GET /malformed-extensions HTTP/1.1\r\nHost: t\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Extensions: permessage-deflate;;\r\n\r\n',
    );
    const res = await connection.response();
    expect(res.status).toBe(400);
    expect(res.body.toString()).toContain(NODE_MESSAGES.badExtensions);
    await connection.waitClosed();
    expect(connects).not.toContain('/malformed-extensions');
  });
});
