// toNodeHandler's options and hooks, over a real node:http server.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { NODE_MESSAGES, onExchangeEnd, toNodeHandler, type NodeHandlerOptions } from '../src/index.js';
import { openRaw } from './support/raw-client.js';

const encoder = new TextEncoder();
const directory = mkdtempSync(join(tmpdir(), 'tsgi-node-test-'));
const file = join(directory, 'file.txt');
writeFileSync(file, 'file contents\n'.repeat(1000));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Reports the scope and the body it read. */
const reportApp: AsyncApp = async (scope, receive, send) => {
  if (scope.type !== 'http') return;
  let body = '';
  for (;;) {
    const event = await receive();
    if (event.type !== 'http.request') break;
    body += Buffer.from(event.body).toString('latin1');
    if (!event.moreBody) break;
  }
  const http = scope;
  if (http.path === '/raise') throw new Error('raised on purpose');
  if (http.path === '/missing') {
    await send({ type: 'http.response.start', status: 404, headers: [['content-type', 'text/plain']] });
    await send({ type: 'http.response.body', body: encoder.encode('app 404') });
    return;
  }
  if (http.path === '/file') {
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain']] });
    await send({ type: 'http.response.pathsend', path: file });
    return;
  }
  if (http.path === '/hints') {
    await send({ type: 'http.response.early_hint', links: ['</style.css>; rel=preload; as=style'] });
  }
  const content = encoder.encode(JSON.stringify({ path: http.path, rawPath: http.rawPath, rootPath: http.rootPath, scheme: http.scheme, client: http.client, headers: http.headers, body, extensions: Object.keys(http.extensions ?? {}) }));
  await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'application/json']] });
  await send({ type: 'http.response.body', body: content });
};

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function listen(handler: ReturnType<typeof toNodeHandler>, wrap?: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer((req, res) => (wrap ? wrap(req, res) : handler(req, res)));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const serveApp = (options: NodeHandlerOptions, app: AsyncApp | SyncApp = reportApp) => listen(toNodeHandler(app, { interface: 'async', ...options }));

describe('options', () => {
  it('refuses a body announced over bodyLimit with 413 before the app runs', async () => {
    const url = await serveApp({ bodyLimit: 10 });
    const res = await fetch(`${url}/x`, { method: 'POST', body: 'x'.repeat(11) });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain(NODE_MESSAGES.bodyTooLarge(10));
  });

  it("refuses a header name with '_' in 'refuse' mode and drops it by default", async () => {
    const refusing = await serveApp({ underscoreHeaders: 'refuse' });
    expect((await fetch(`${refusing}/x`, { headers: { x_forwarded_for: '1.2.3.4' } })).status).toBe(400);
  });

  it('still refuses a NUL in a header value when node runs a lenient parser (insecureHTTPParser)', async () => {
    server = createServer({ insecureHTTPParser: true }, toNodeHandler(reportApp, { interface: 'async' }));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const connection = await openRaw((server.address() as AddressInfo).port, 'GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\nConnection: close\r\n\r\n');
    const text = await connection.until((received) => received.includes('\r\n\r\n') && received.includes('§3.1.2'));
    expect(text.startsWith('HTTP/1.1 400 ')).toBe(true);
  });

  it('believes proxy headers only from trustedProxies', async () => {
    const trusting = await serveApp({ trustedProxies: ['127.0.0.1'] });
    const report = (await (await fetch(`${trusting}/x`, { headers: { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'shop.example' } })).json()) as { client: unknown; scheme: string; headers: Array<[string, string]> };
    expect(report.client).toEqual(['203.0.113.9', 0]);
    expect(report.scheme).toBe('https');
    expect(report.headers).toContainEqual(['host', 'shop.example']);
  });

  it('adds serverHeader when the app sets no Server header', async () => {
    const url = await serveApp({ serverHeader: 'tsgi-test' });
    expect((await fetch(`${url}/x`)).headers.get('server')).toBe('tsgi-test');
  });

  it('sends a pathsend file, and advertises pathsend, early hints and trailers', async () => {
    const url = await serveApp({});
    const res = await fetch(`${url}/file`);
    expect(await res.text()).toBe('file contents\n'.repeat(1000));
    const report = (await (await fetch(`${url}/x`)).json()) as { extensions: string[] };
    expect(report.extensions.sort()).toEqual(['http.response.early_hint', 'http.response.pathsend', 'http.response.trailers']);
  });

  it('sends a sync file wrapper body', async () => {
    const app: SyncApp = (environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      const wrap = environ['tsgi.file_wrapper'];
      if (!wrap) throw new Error('no tsgi.file_wrapper');
      return wrap(file, 4096, { offset: 14, count: 28 });
    };
    const url = await listen(toNodeHandler(app, { interface: 'sync' }));
    expect(await (await fetch(`${url}/`)).text()).toBe('file contents\n'.repeat(2));
  });
});

describe('hooks for framework adapters', () => {
  it('requestOverrides replaces target, root path, scheme, client and body', async () => {
    const url = await serveApp({
      requestOverrides: () => ({ target: '/api/users?x=1', rootPath: '/api', scheme: 'https', client: ['203.0.113.9', null], body: encoder.encode('parsed upstream') }),
    });
    const report = (await (await fetch(`${url}/users`, { method: 'POST', body: 'ignored' })).json()) as Record<string, unknown>;
    expect(report).toMatchObject({ path: '/users', rawPath: '/api/users', rootPath: '/api', scheme: 'https', client: ['203.0.113.9', null], body: 'parsed upstream' });
  });

  it('onError takes over an error raised before the response started: no 500 is written', async () => {
    const seen: string[] = [];
    const handler = toNodeHandler(reportApp, {
      interface: 'async',
      onError: (error, req) => {
        seen.push(`${(error as Error).message} ${req.url ?? ''}`);
        return true;
      },
    });
    const url = await listen(handler, (req, res) => {
      handler(req, res);
      // The framework's own error response, written once the hook took the error.
      const timer = setInterval(() => {
        if (seen.length === 0) return;
        clearInterval(timer);
        res.writeHead(502, { 'content-type': 'text/plain' }).end('framework error page');
      }, 5);
    });
    const res = await fetch(`${url}/raise`);
    expect([res.status, await res.text()]).toEqual([502, 'framework error page']);
    expect(seen).toEqual(['raised on purpose /raise']);
  });

  it('onExchangeEnd on a response the handler serves fires beside onExchange', async () => {
    const ended: string[] = [];
    const handler = toNodeHandler(reportApp, { interface: 'async', onExchange: (req) => ended.push(`onExchange ${req.url ?? ''}`) });
    const url = await listen(handler, (req, res) => {
      onExchangeEnd(req, res, () => ended.push(`onExchangeEnd ${req.url ?? ''}`));
      handler(req, res);
    });
    expect((await fetch(`${url}/both`)).status).toBe(200);
    await vi.waitFor(() => expect(ended.sort()).toEqual(['onExchange /both', 'onExchangeEnd /both']));
  });

  it('onExchange reports a pipelined exchange still queued when its connection dies as over and incomplete', async () => {
    const records: Array<{ url: string; completed: boolean }> = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const started: string[] = [];
    const slowFirst: AsyncApp = async (scope, _receive, send) => {
      if (scope.type !== 'http') return;
      started.push(scope.path);
      if (scope.path === '/first') await held;
      await send({ type: 'http.response.start', status: 200, headers: [] });
      await send({ type: 'http.response.body', body: encoder.encode(scope.path) });
    };
    const url = await listen(toNodeHandler(slowFirst, { interface: 'async', onExchange: (req, record) => records.push({ url: req.url ?? '', completed: record.completed }) }));
    const connection = await openRaw(Number(new URL(url).port), 'GET /first HTTP/1.1\r\nHost: x\r\n\r\nGET /second HTTP/1.1\r\nHost: x\r\n\r\n');
    // The second response waits behind the first (node queues it without a socket) when the client leaves.
    await vi.waitFor(() => expect(started).toEqual(['/first', '/second']));
    connection.socket.destroy();
    await vi.waitFor(() => expect(records).toHaveLength(2));
    release();
    expect(records.map(({ url: path, completed }) => [path, completed]).sort()).toEqual([
      ['/first', false],
      ['/second', false],
    ]);
  });

  it('onExchange reports every exchange once it is over, refused ones with their status and body size', async () => {
    const records: Array<{ url: string; status: number; bytes: number; completed: boolean; sameResponse: boolean }> = [];
    const responses = new Map<IncomingMessage, ServerResponse>();
    const handler = toNodeHandler(reportApp, {
      interface: 'async',
      bodyLimit: 10,
      underscoreHeaders: 'refuse',
      onExchange: (req, record, res) => {
        const { status, bytes, completed } = record;
        records.push({ url: req.url ?? '', status, bytes, completed, sameResponse: responses.get(req as IncomingMessage) === res });
      },
    });
    const url = await listen(handler, (req, res) => {
      responses.set(req, res);
      handler(req, res);
    });
    const sizeOf = async (res: Response) => (await res.arrayBuffer()).byteLength;
    const ok = await fetch(`${url}/ok`);
    const announced = await fetch(`${url}/big`, { method: 'POST', body: 'x'.repeat(11) });
    // No Content-Length: the limit is crossed while the app reads the body.
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('x'.repeat(6)));
        controller.enqueue(encoder.encode('x'.repeat(6)));
        controller.close();
      },
    });
    const streamed = await fetch(`${url}/streamed`, { method: 'POST', body: chunked, duplex: 'half' });
    const underscore = await fetch(`${url}/underscore`, { headers: { x_forwarded_for: '1.2.3.4' } });
    expect([ok.status, announced.status, streamed.status, underscore.status]).toEqual([200, 413, 413, 400]);
    const sizes = [await sizeOf(ok), await sizeOf(announced), await sizeOf(streamed), await sizeOf(underscore)];
    await vi.waitFor(() => expect(records).toHaveLength(4));
    expect(records).toEqual([
      { url: '/ok', status: 200, bytes: sizes[0], completed: true, sameResponse: true },
      { url: '/big', status: 413, bytes: sizes[1], completed: true, sameResponse: true },
      { url: '/streamed', status: 413, bytes: sizes[2], completed: true, sameResponse: true },
      { url: '/underscore', status: 400, bytes: sizes[3], completed: true, sameResponse: true },
    ]);
    expect(sizes.every((size) => size > 0)).toBe(true);
  });

  it('onResponseStart takes the response over and discards what the app sends', async () => {
    const handler = toNodeHandler(reportApp, {
      interface: 'async',
      onResponseStart: (status, _headers, req) => {
        if (status !== 404) return false;
        setImmediate(() => (req.socket as unknown as { _httpMessage: ServerResponse })._httpMessage.writeHead(200).end('next route'));
        return true;
      },
    });
    const url = await listen(handler);
    const res = await fetch(`${url}/missing`);
    expect([res.status, await res.text()]).toEqual([200, 'next route']);
  });
});
