// File bodies over real sockets: http.response.pathsend and sync tsgi.file_wrapper bodies.
import type { AsyncApp, LogLevel } from '@tsgi/async';
import { createFileWrapperFactory, type SyncApp } from '@tsgi/sync';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, fstatSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import { connect as http2Connect, constants as http2Constants, createServer as createHttp2Server, type Http2Server, type IncomingHttpHeaders } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { NODE_MESSAGES, toNodeHandler, type ExchangeRecord, type NodeHandlerOptions } from '../src/index.js';
import { openRaw } from './support/raw-client.js';

const SIZE = 32 * 1024 * 1024;
const directory = mkdtempSync(join(tmpdir(), 'tsgi-node-files-'));
const bigFile = join(directory, 'big.bin');
const bytes = randomBytes(SIZE);
writeFileSync(bigFile, bytes);
const missing = join(directory, 'missing.bin');
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
const encoder = new TextEncoder();

let server: Server | undefined;
/** Request targets whose exchange ended, in order (from onExchange). */
let ended: string[] = [];
afterEach(async () => {
  ended = [];
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** Serves a sync app (typed here, so inline apps need no annotations). */
const serveSync = (app: SyncApp): Promise<string> => serve(app, { interface: 'sync' });

async function serve(app: AsyncApp | SyncApp, options: NodeHandlerOptions & { interface: 'sync' | 'async' }): Promise<string> {
  server = createServer(toNodeHandler(app, { onExchange: (req) => ended.push(req.url ?? ''), ...options }));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An async app: /big sends the big file by path, /file?path=… any file, /small a short answer. */
const asyncApp: AsyncApp = async (scope, _receive, send) => {
  if (scope.type !== 'http') return;
  if (scope.path === '/small') {
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain']] });
    await send({ type: 'http.response.body', body: encoder.encode('small') });
    return;
  }
  const query = new URLSearchParams(scope.queryString);
  const headers: Array<[string, string]> = [['content-type', 'application/octet-stream']];
  if (query.has('length')) headers.push(['content-length', query.get('length') ?? '']);
  await send({ type: 'http.response.start', status: 200, headers });
  await send({ type: 'http.response.pathsend', path: query.get('path') ?? bigFile });
};

/** A sync app returning tsgi.file_wrapper bodies. */
const syncApp: SyncApp = (environ, startResponse) => {
  if (environ.PATH_INFO === '/small') {
    startResponse('200 OK', [['Content-Type', 'text/plain']]);
    return [encoder.encode('small')];
  }
  const wrap = environ['tsgi.file_wrapper'];
  if (!wrap) throw new Error('no tsgi.file_wrapper');
  const query = new URLSearchParams(environ.QUERY_STRING);
  startResponse('200 OK', [['Content-Type', 'application/octet-stream']]);
  return wrap(query.get('path') ?? bigFile);
};

/**
 * Starts downloading the big file, stops reading after the first chunk (so the server must wait on
 * backpressure), asks for /small meanwhile, then reads the rest.
 */
async function downloadWhileAskingAgain(url: string): Promise<{ head: IncomingMessage; body: Buffer; small: string; endedBeforeSmall: string[] }> {
  const head = await new Promise<IncomingMessage>((resolve, reject) => get(`${url}/big`, resolve).on('error', reject));
  const chunks: Buffer[] = [];
  const [first] = (await once(head, 'data')) as [Buffer];
  chunks.push(first);
  head.pause();
  const small = await (await fetch(`${url}/small`)).text();
  const endedBeforeSmall = [...ended];
  head.on('data', (chunk: Buffer) => chunks.push(chunk));
  head.resume();
  await once(head, 'end');
  return { head, body: Buffer.concat(chunks), small, endedBeforeSmall };
}

describe('http.response.pathsend', () => {
  it('streams a 32 MiB file with its content-length while other requests are answered', async () => {
    const url = await serve(asyncApp, { interface: 'async' });
    const { head, body, small, endedBeforeSmall } = await downloadWhileAskingAgain(url);
    // /small was answered while /big was still being sent.
    expect(small).toBe('small');
    expect(endedBeforeSmall).not.toContain('/big');
    expect(head.headers['content-length']).toBe(String(SIZE));
    expect(head.headers['transfer-encoding']).toBeUndefined();
    expect([body.byteLength, sha256(body)]).toEqual([SIZE, sha256(bytes)]);
  });

  it("keeps the app's matching content-length", async () => {
    const url = await serve(asyncApp, { interface: 'async' });
    const res = await fetch(`${url}/file?length=${SIZE}`);
    expect(res.headers.get('content-length')).toBe(String(SIZE));
    expect(sha256(new Uint8Array(await res.arrayBuffer()))).toBe(sha256(bytes));
  });

  it('treats a client that leaves mid-file as a disconnect, not as an app error', async () => {
    const logged: Array<[LogLevel, string | undefined]> = [];
    const url = await serve(asyncApp, { interface: 'async', log: (level, _message, error) => logged.push([level, (error as Error | undefined)?.name]) });
    const connection = await openRaw(Number(new URL(url).port), 'GET /big HTTP/1.1\r\nHost: x\r\n\r\n');
    await connection.until((text) => text.length > 100_000);
    connection.socket.destroy();
    const deadline = Date.now() + 5000;
    while (!logged.some(([, name]) => name === 'ClientDisconnected') && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    expect(logged).toContainEqual(['debug', 'ClientDisconnected']);
    expect(logged.filter(([level]) => level === 'error' || level === 'warn')).toEqual([]);
  });

  it('aborts the response when the file is missing, and logs why', async () => {
    const logged: Array<[LogLevel, string, string | undefined]> = [];
    const url = await serve(asyncApp, { interface: 'async', log: (level, message, error) => logged.push([level, message, (error as NodeJS.ErrnoException | undefined)?.code]) });
    const connection = await openRaw(Number(new URL(url).port), `GET /file?path=${encodeURIComponent(missing)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    await connection.closed;
    // The status line, then the end of the connection: no chunked terminator, so no complete response.
    expect(connection.received).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(connection.received.endsWith('0\r\n\r\n')).toBe(false);
    expect(logged).toContainEqual(['error', 'async §6.2: could not send the file', 'ENOENT']);
  });

  it('aborts the response when the content-length the app set does not fit the file', async () => {
    const logged: Array<[LogLevel, string]> = [];
    const url = await serve(asyncApp, { interface: 'async', log: (level, _message, error) => logged.push([level, (error as Error | undefined)?.message ?? '']) });
    const connection = await openRaw(Number(new URL(url).port), 'GET /file?length=10 HTTP/1.1\r\nHost: x\r\n\r\n');
    await connection.closed;
    expect(connection.received).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*content-length: 10\r\n[^]*\r\n\r\n$/);
    expect(logged).toContainEqual(['error', NODE_MESSAGES.fileLengthMismatch(bigFile, 10, SIZE)]);
  });
});

/** The paths of the streams node sent a descriptor on (a spy that calls through: the file still goes out). */
function descriptorSends(listener: Http2Server): string[] {
  const paths: string[] = [];
  listener.on('stream', (stream, headers) => {
    const respondWithFD = stream.respondWithFD.bind(stream);
    vi.spyOn(stream, 'respondWithFD').mockImplementation((...args) => {
      paths.push(String(headers[':path']));
      respondWithFD(...args);
    });
  });
  return paths;
}

describe('http.response.pathsend over HTTP/2', () => {
  /** Serves `app` over h2c; the records of ended exchanges, by path, and what was logged. */
  async function serveH2(app: AsyncApp) {
    const records = new Map<string, ExchangeRecord>();
    const logged: Array<[LogLevel, string | undefined]> = [];
    const listener = createHttp2Server(
      toNodeHandler(app, {
        interface: 'async',
        onExchange: (req, record) => records.set(req.url ?? '', { ...record }),
        log: (level, _message, error) => logged.push([level, (error as Error | undefined)?.name]),
      }),
    );
    const fromDescriptor = descriptorSends(listener);
    listener.listen(0, '127.0.0.1');
    await once(listener, 'listening');
    const session = http2Connect(`http://127.0.0.1:${(listener.address() as AddressInfo).port}`);
    const close = async (): Promise<void> => {
      session.close();
      await new Promise((resolve) => listener.close(resolve));
    };
    return { session, records, logged, fromDescriptor, close };
  }

  it('sends the whole file from its descriptor, with its length, and records it complete', async () => {
    const h2 = await serveH2(asyncApp);
    try {
      const request = h2.session.request({ ':path': '/big' });
      const [headers] = (await once(request, 'response')) as [IncomingHttpHeaders];
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      await once(request, 'end');
      const body = Buffer.concat(chunks);
      expect([headers[':status'], headers['content-length'], headers['content-type']]).toEqual([200, String(SIZE), 'application/octet-stream']);
      expect([body.byteLength, sha256(body)]).toEqual([SIZE, sha256(bytes)]);
      expect(h2.fromDescriptor).toEqual(['/big']);
      await vi.waitFor(() => expect(h2.records.get('/big')).toMatchObject({ status: 200, bytes: SIZE, completed: true }));
    } finally {
      await h2.close();
    }
  });

  it('keeps repeated fields and answers other streams while a file is being sent', async () => {
    const h2 = await serveH2(async (scope, _receive, send) => {
      if (scope.type !== 'http') return;
      if (scope.path === '/small') {
        await send({ type: 'http.response.start', status: 200, headers: [] });
        await send({ type: 'http.response.body', body: encoder.encode('small') });
        return;
      }
      await send({ type: 'http.response.start', status: 200, headers: [['set-cookie', 'a=1'], ['set-cookie', 'b=2']] });
      await send({ type: 'http.response.pathsend', path: bigFile });
    });
    try {
      const big = h2.session.request({ ':path': '/big' });
      const [headers] = (await once(big, 'response')) as [IncomingHttpHeaders];
      big.pause();
      const small = h2.session.request({ ':path': '/small' });
      small.setEncoding('utf8');
      let text = '';
      small.on('data', (chunk: string) => (text += chunk));
      await once(small, 'end');
      expect(text).toBe('small');
      expect(h2.records.has('/big')).toBe(false);
      expect(headers['set-cookie']).toEqual(['a=1', 'b=2']);
      let received = 0;
      big.on('data', (chunk: Buffer) => (received += chunk.byteLength));
      big.resume();
      await once(big, 'end');
      expect(received).toBe(SIZE);
    } finally {
      await h2.close();
    }
  });

  it('tells the app its client left when the stream is cancelled mid-file', async () => {
    let sendError: unknown;
    const h2 = await serveH2(async (scope, _receive, send) => {
      if (scope.type !== 'http') return;
      await send({ type: 'http.response.start', status: 200, headers: [] });
      await send({ type: 'http.response.pathsend', path: bigFile }).catch((error: unknown) => {
        sendError = error;
      });
    });
    try {
      const request = h2.session.request({ ':path': '/big' });
      let received = 0;
      request.on('data', (chunk: Buffer) => {
        received += chunk.byteLength;
        if (received > 1_000_000 && !request.closed) request.close(http2Constants.NGHTTP2_CANCEL);
      });
      await once(request, 'close');
      await vi.waitFor(() => expect(h2.records.get('/big')?.completed).toBe(false));
      await vi.waitFor(() => expect((sendError as Error | undefined)?.name).toBe('ClientDisconnected'));
      expect(h2.logged.filter(([level]) => level === 'error' || level === 'warn')).toEqual([]);
    } finally {
      await h2.close();
    }
  });

  it('streams the file when the app announced trailers, then sends them', async () => {
    const h2 = await serveH2(async (scope, _receive, send) => {
      if (scope.type !== 'http') return;
      await send({ type: 'http.response.start', status: 200, headers: [], trailers: true });
      await send({ type: 'http.response.pathsend', path: bigFile });
      await send({ type: 'http.response.trailers', headers: [['x-sha256', sha256(bytes)]] });
    });
    try {
      const request = h2.session.request({ ':path': '/big' });
      const trailers = new Promise<IncomingHttpHeaders>((resolve) => request.once('trailers', resolve));
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      await once(request, 'end');
      expect(sha256(Buffer.concat(chunks))).toBe(sha256(bytes));
      expect((await trailers)['x-sha256']).toBe(sha256(bytes));
      // Trailers follow the body, so the file is streamed instead of handed over whole.
      expect(h2.fromDescriptor).toEqual([]);
    } finally {
      await h2.close();
    }
  });
});

describe('sync tsgi.file_wrapper bodies over HTTP/2', () => {
  it('send a whole file by path from its descriptor', async () => {
    const listener = createHttp2Server(toNodeHandler(syncApp, { interface: 'sync' }));
    const fromDescriptor = descriptorSends(listener);
    listener.listen(0, '127.0.0.1');
    await once(listener, 'listening');
    const session = http2Connect(`http://127.0.0.1:${(listener.address() as AddressInfo).port}`);
    const get2 = async (path: string): Promise<[IncomingHttpHeaders, Buffer]> => {
      const request = session.request({ ':path': path });
      const [headers] = (await once(request, 'response')) as [IncomingHttpHeaders];
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      await once(request, 'end');
      return [headers, Buffer.concat(chunks)];
    };
    try {
      const [headers, body] = await get2('/big');
      expect([headers[':status'], headers['content-length'], sha256(body)]).toEqual([200, String(SIZE), sha256(bytes)]);
      const [, small] = await get2('/small');
      expect(small.toString()).toBe('small');
      expect(fromDescriptor).toEqual(['/big']);
    } finally {
      session.close();
      await new Promise((resolve) => listener.close(resolve));
    }
  });
});

describe('sync tsgi.file_wrapper bodies', () => {
  it('stream a 32 MiB file with its content-length while other requests are answered', async () => {
    const url = await serve(syncApp, { interface: 'sync' });
    const { head, body, small, endedBeforeSmall } = await downloadWhileAskingAgain(url);
    // /small was answered while /big was still being sent.
    expect(small).toBe('small');
    expect(endedBeforeSmall).not.toContain('/big');
    expect(head.headers['content-length']).toBe(String(SIZE));
    expect([body.byteLength, sha256(body)]).toEqual([SIZE, sha256(bytes)]);
  });

  it('are sent directly, without iterating the wrapper', async () => {
    const iterated: string[] = [];
    const factory = createFileWrapperFactory((file) => {
      iterated.push(String(file));
      return [];
    });
    const url = await serveSync((_environ, startResponse) => {
      startResponse('200 OK', []);
      return factory(bigFile);
    });
    const body = new Uint8Array(await (await fetch(`${url}/`)).arrayBuffer());
    expect([body.byteLength, iterated]).toEqual([SIZE, []]);
  });

  it('send a range of a descriptor the app owns, and leave it open', async () => {
    const fd = openSync(bigFile, 'r');
    try {
      const url = await serveSync((environ, startResponse) => {
        startResponse('200 OK', []);
        return environ['tsgi.file_wrapper']?.(fd, 4096, { offset: 1000, count: 5000 }) ?? [];
      });
      const res = await fetch(`${url}/`);
      expect(res.headers.get('content-length')).toBe('5000');
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(1000, 6000))).toBe(true);
      expect(fstatSync(fd).size).toBe(SIZE);
    } finally {
      closeSync(fd);
    }
  });

  it("keep the app's matching content-length", async () => {
    const url = await serveSync((environ, startResponse) => {
      startResponse('200 OK', [['Content-Length', '5000']]);
      return environ['tsgi.file_wrapper']?.(bigFile, 4096, { offset: 1000, count: 5000 }) ?? [];
    });
    const res = await fetch(`${url}/`);
    expect([res.status, res.headers.get('content-length')]).toEqual([200, '5000']);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(1000, 6000))).toBe(true);
  });

  it('are iterated when the app wrote bytes with write() first', async () => {
    const url = await serveSync((environ, startResponse) => {
      startResponse('200 OK', [])(encoder.encode('>'));
      return environ['tsgi.file_wrapper']?.(bigFile, 4096, { count: 3 }) ?? [];
    });
    const res = await fetch(`${url}/`);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.concat([Buffer.from('>'), bytes.subarray(0, 3)]))).toBe(true);
  });

  it('answer HEAD with the length and no bytes', async () => {
    const url = await serve(syncApp, { interface: 'sync' });
    const connection = await openRaw(Number(new URL(url).port), 'HEAD /big HTTP/1.1\r\nHost: x\r\n\r\n');
    const text = await connection.until((received) => received.includes('\r\n\r\n'));
    expect(text).toContain(`content-length: ${SIZE}\r\n`);
    expect(text.endsWith('\r\n\r\n')).toBe(true);
    // The next request on the same connection is answered: no stray body bytes came between.
    connection.socket.write('GET /small HTTP/1.1\r\nHost: x\r\n\r\n');
    // An array body's one chunk goes out with the end, framed by its length (RFC 9112 §6.3).
    const next = (await connection.until((received) => received.endsWith('small'))).slice(text.length);
    expect(next).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*content-length: 5\r\n[^]*\r\n\r\nsmall$/);
    connection.socket.destroy();
  });

  it('answer 500 when the file is missing, since nothing was sent yet', async () => {
    const logged: Array<[LogLevel, string | undefined]> = [];
    const url = await serve(syncApp, { interface: 'sync', log: (level, _message, error) => logged.push([level, (error as NodeJS.ErrnoException | undefined)?.code]) });
    const res = await fetch(`${url}/file?path=${encodeURIComponent(missing)}`);
    expect([res.status, await res.text()]).toEqual([500, 'Internal Server Error']);
    expect(logged).toContainEqual(['error', 'ENOENT']);
  });
});
