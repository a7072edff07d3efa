// createHttpClient against real node:http servers on 127.0.0.1: each server misbehaves or behaves
// in one way, and the client must report exactly what a driver's request() promises.
import { once } from 'node:events';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../src/node-entry.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const servers: Server[] = [];

async function listen(handler: Handler): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done).closeAllConnections())));
});

describe('createHttpClient', () => {
  it('sends the target raw and headers in order, repeats and latin-1 included', async () => {
    let seen: { url?: string; raw?: string[] } = {};
    const origin = await listen((req, res) => {
      seen = { url: req.url!, raw: req.rawHeaders };
      res.end();
    });
    await createHttpClient(origin)({ method: 'GET', target: '/a%2Fb?x=1&x=2', headers: [['X-Multi', 'one'], ['x-multi', 'two'], ['x-l', 'caf\u00e9']] });
    expect(seen.url).toBe('/a%2Fb?x=1&x=2');
    expect(seen.raw?.slice(2, 8)).toEqual(['X-Multi', 'one', 'x-multi', 'two', 'x-l', 'caf\u00e9']);
  });

  it('sends a byte body with Content-Length and a streamed one chunked', async () => {
    const seen: Array<{ length: string | undefined; te: string | undefined; body: string }> = [];
    const origin = await listen((req, res) => {
      void readAll(req).then((body) => {
        seen.push({ length: req.headers['content-length'], te: req.headers['transfer-encoding'], body: body.toString() });
        res.end();
      });
    });
    const client = createHttpClient(origin);
    await client({ method: 'POST', target: '/', body: new TextEncoder().encode('bytes') });
    const pieces = Readable.from([new TextEncoder().encode('str'), new TextEncoder().encode('eamed')]);
    await client({ method: 'POST', target: '/', body: pieces as AsyncIterable<Uint8Array> });
    expect(seen).toEqual([
      { length: '5', te: undefined, body: 'bytes' },
      { length: undefined, te: 'chunked', body: 'streamed' },
    ]);
  });

  it('reports headers lower-cased with repeats kept, the body, and trailers', async () => {
    const origin = await listen((_req, res) => {
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.setHeader('Trailer', 'X-Sum');
      res.write('he');
      res.addTrailers({ 'X-Sum': '42' });
      res.end('llo');
    });
    const res = await createHttpClient(origin)({ method: 'GET', target: '/', headers: [['te', 'trailers']] });
    expect(res.status).toBe(200);
    expect(res.headers.filter(([n]) => n === 'set-cookie')).toEqual([['set-cookie', 'a=1'], ['set-cookie', 'b=2']]);
    expect(res.headers.every(([n]) => n === n.toLowerCase())).toBe(true);
    expect(Buffer.from(res.body).toString()).toBe('hello');
    expect(res.trailers).toEqual([['x-sum', '42']]);
    expect(res.incomplete).toBeUndefined();
  });

  it('marks a chunked body cut off before its last chunk as incomplete, keeping the bytes that came', async () => {
    const origin = await listen((_req, res) => {
      res.write('partial', () => res.socket?.destroy());
    });
    const res = await createHttpClient(origin)({ method: 'GET', target: '/' });
    expect(res.status).toBe(200);
    expect(res.incomplete).toBe(true);
    expect(Buffer.from(res.body).toString()).toBe('partial');
  });

  it('marks a body shorter than its Content-Length as incomplete', async () => {
    const origin = await listen((_req, res) => {
      res.writeHead(200, { 'content-length': '10' });
      res.write('four', () => res.socket?.destroy());
    });
    const res = await createHttpClient(origin)({ method: 'GET', target: '/' });
    expect(res.incomplete).toBe(true);
    expect(res.body.length).toBe(4);
  });

  it('leaves after disconnectAfter bytes, and the server sees the connection close', async () => {
    let serverSawClose!: Promise<unknown>;
    const origin = await listen((_req, res) => {
      serverSawClose = once(res, 'close');
      res.write('first chunk'); // and never ends
    });
    const res = await createHttpClient(origin)({ method: 'GET', target: '/', disconnectAfter: 1 });
    expect(res.incomplete).toBe(true);
    expect(Buffer.from(res.body).toString()).toBe('first chunk');
    await serverSawClose;
  });

  it('rejects when no response begins', async () => {
    const origin = await listen((req) => req.socket.destroy());
    await expect(createHttpClient(origin)({ method: 'GET', target: '/' })).rejects.toThrow();
  });
});
