// Every `tsgi serve` option, through the real CLI process (docs/server.md lists them).
import { Agent, get, request } from 'node:http';
import { connect as connectHttp2 } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RawConnection } from '../support/raw-http.js';
import { createTestCertificate } from '../support/tls.js';
import { freePort, spawnCli, type CliProcess } from '../support/cli-process.js';

const certificate = createTestCertificate();
const socketPath = join(tmpdir(), `tsgi-cli-${process.pid}.sock`);
const started: CliProcess[] = [];
let envPort = 0;
let plainPort = 0;

async function serve(args: string[], env: Record<string, string> = {}): Promise<CliProcess> {
  const cli = await spawnCli(['serve', ...args], { env });
  started.push(cli);
  return cli;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function fetchRaw(url: string, options: { headers?: Record<string, string>; socketPath?: string; method?: string; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: options.method ?? 'GET', headers: options.headers, ...(options.socketPath ? { socketPath: options.socketPath } : {}), agent: new Agent() }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const scopeOf = async (url: string, headers?: Record<string, string>): Promise<Record<string, unknown>> => JSON.parse((await fetchRaw(`${url}/scope`, headers ? { headers } : {})).body) as Record<string, unknown>;

let a: CliProcess; // app options, limits, proxy headers, access log
let b: CliProcess; // environment variables and --env-file
let c: CliProcess; // proxies not trusted
let d: CliProcess; // unix socket, lifespan off
let e: CliProcess; // timeouts and concurrency
let f: CliProcess; // sync app, spooling
let g: CliProcess; // WebSocket options
let h: CliProcess; // TLS + HTTP/2
let i: CliProcess; // h2c, router app
let j: CliProcess; // --log-level warn, fixed --port, --host

beforeAll(async () => {
  envPort = await freePort();
  plainPort = await freePort();
  // Three at a time: a cold start compiles the TypeScript fixture, and CI has two cores.
  const specs: Array<[string[], Record<string, string>?]> = [
    [['protocol-app.ts', '--port', '0', '--root-path', '/api', '--header-underscores', 'refuse', '--proxy-headers', '--access-log',
      '--limit-request-line', '300', '--limit-request-fields', '20', '--limit-request-field-size', '300', '--limit-body', '2k', '--no-server-header', '--timeout-keep-alive', '0.5']],
    [['protocol-app.ts', '--env-file', 'env-file.env'], { TSGI_PORT: String(envPort), PORT: '1', TSGI_LOG_FORMAT: 'json', TSGI_ACCESS_LOG: 'true' }],
    [['protocol-app.ts', '--port=0', '--proxy-headers', '--forwarded-allow-ips', '10.0.0.0/8']],
    [['protocol-app.ts', '--uds', socketPath, '--lifespan', 'off']],
    [['protocol-app.ts', '--port', '0', '--limit-concurrency', '1', '--timeout-headers', '0.3', '--timeout-body', '0.3', '--min-body-rate', '1m', '--timeout-graceful-shutdown', '0.5', '--log-level', 'debug']],
    [['sync-app.ts', '--port', '0', '--spool-threshold', '1k']],
    [['websocket-app.ts', '--port', '0', '--ws-max-size', '1k', '--ws-ping-interval', '0.2', '--ws-ping-timeout', '0.2', '--ws-per-message-deflate']],
    [['protocol-app.ts', '--port', '0', '--ssl-keyfile', certificate.keyfile, '--ssl-certfile', certificate.certfile, '--http2']],
    [['dual-app.ts:router', '--port', '0', '--http2', '--interface', 'sync']],
  ];
  const servers: CliProcess[] = [];
  for (let n = 0; n < specs.length; n += 3) servers.push(...(await Promise.all(specs.slice(n, n + 3).map(([args, env]) => serve(args, env)))));
  [a, b, c, d, e, f, g, h, i] = servers as [CliProcess, CliProcess, CliProcess, CliProcess, CliProcess, CliProcess, CliProcess, CliProcess, CliProcess];
  j = await spawnCli(['serve', 'protocol-app.ts', '--host', '127.0.0.1', '--port', String(plainPort), '--log-level', 'warn'], { listening: false });
  started.push(j);
}, 120_000);

afterAll(async () => {
  await Promise.all(started.map((cli) => cli.stop('SIGKILL')));
  certificate.remove();
});

describe('listening', () => {
  it('--host and --port choose the address, and startup prints where it listens', async () => {
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // j logs at warn, so it prints no startup line: poll its fixed port instead.
    await expect.poll(() => fetchRaw(`http://127.0.0.1:${plainPort}/hello`).then((r) => r.body, () => ''), { timeout: 10_000 }).toBe('hello');
  });

  it('TSGI_PORT sets the port and wins over PORT', () => {
    expect(b.port).toBe(envPort);
  });

  it('PORT sets the port when TSGI_PORT is unset', async () => {
    const port = await freePort();
    const cli = await serve(['protocol-app.ts'], { PORT: String(port) });
    expect(cli.port).toBe(port);
    await cli.stop();
  });

  it('--uds listens on a unix socket', async () => {
    expect(d.url).toBe(`unix:${socketPath}`);
    expect((await fetchRaw('http://localhost/hello', { socketPath })).body).toBe('hello');
  });
});

describe('app options', () => {
  it('--root-path becomes rootPath and the path below it', async () => {
    expect(await scopeOf(`${a.url}/api`)).toMatchObject({ rootPath: '/api', path: '/scope', rawPath: '/api/scope' });
  });

  it('--env-file sets options (TSGI_*) and the app environment', async () => {
    expect(await scopeOf(`${b.url}/from-env-file`)).toMatchObject({ rootPath: '/from-env-file' });
  });

  it('--header-underscores refuse answers 400; the default drops them', async () => {
    expect((await fetchRaw(`${a.url}/api/hello`, { headers: { x_user: 'admin' } })).status).toBe(400);
    const headers = JSON.parse((await fetchRaw(`${c.url}/headers`, { headers: { x_user: 'admin', 'x-user': 'guest' } })).body) as Array<[string, string]>;
    expect(headers).toContainEqual(['x-user', 'guest']);
    expect(headers.some(([name]) => name.includes('_'))).toBe(false);
  });

  it('--interface picks the face of a router app; auto detection picks a sync function', async () => {
    const session = connectHttp2(i.url);
    const reply = await new Promise<string>((resolve, reject) => {
      const stream = session.request({ ':path': '/' });
      let body = '';
      stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
      stream.on('end', () => resolve(body));
      stream.on('error', reject);
    });
    session.close();
    expect(reply).toBe('sync face');
    expect(i.stderr()).toContain('(sync app,');
    expect(f.stderr()).toContain('(sync app,');
    expect(a.stderr()).toContain('(async app,');
  });

  it('--lifespan off skips startup; the default runs it and shutdown on SIGTERM', async () => {
    const viaSocket = JSON.parse((await fetchRaw('http://localhost/scope', { socketPath })).body) as { state: unknown };
    expect(viaSocket.state).toEqual({});
    expect(await scopeOf(c.url)).toMatchObject({ state: { startedAt: 'startup' } });
    const cli = await serve(['protocol-app.ts', '--port', '0']);
    expect(await cli.stop('SIGINT')).toBe(0);
    expect(cli.stderr()).toContain('fixture: lifespan shutdown ran');
  });

  it('--lifespan on requires lifespan support: an app without it exits 3', async () => {
    const cli = await spawnCli(['serve', 'plain.cjs', '--port', '0', '--lifespan', 'on'], { listening: false });
    expect(await cli.exited).toBe(3);
    expect(cli.stderr()).toMatch(/lifespan startup failed/);
  });

  it('exits 3 with the message when lifespan startup fails', async () => {
    const cli = await spawnCli(['serve', 'protocol-app.ts', '--port', '0'], { env: { FAIL_STARTUP: 'no database' }, listening: false });
    expect(await cli.exited).toBe(3);
    expect(cli.stderr()).toContain('no database');
    expect(cli.stderr()).not.toContain('listening on');
  });
});

describe('proxy headers', () => {
  it('--proxy-headers believes X-Forwarded-* and Forwarded from --forwarded-allow-ips (default 127.0.0.1)', async () => {
    expect(await scopeOf(`${a.url}/api`, { 'x-forwarded-for': '6.6.6.6, 203.0.113.9', 'x-forwarded-proto': 'https' })).toMatchObject({ client: ['203.0.113.9', 0], scheme: 'https' });
    expect(await scopeOf(`${a.url}/api`, { forwarded: 'for="[2001:db8::1]:4711";proto=https;host=example.com' })).toMatchObject({ client: ['2001:db8::1', 4711], scheme: 'https' });
  });

  it('ignores proxy headers from a peer outside --forwarded-allow-ips', async () => {
    expect(await scopeOf(c.url, { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' })).toMatchObject({ client: ['127.0.0.1', expect.any(Number)], scheme: 'http' });
  });
});

describe('limits', () => {
  const status = async (url: string, options: Parameters<typeof fetchRaw>[1] = {}): Promise<number> => (await fetchRaw(url, options)).status;

  it('--limit-request-line answers 414', async () => {
    expect(await status(`${a.url}/api/${'x'.repeat(400)}`)).toBe(414);
  });

  it('--limit-request-fields answers 431', async () => {
    expect(await status(`${a.url}/api/hello`, { headers: Object.fromEntries(Array.from({ length: 25 }, (_, n) => [`x-h${n}`, 'v'])) })).toBe(431);
  });

  it('--limit-request-field-size answers 431', async () => {
    expect(await status(`${a.url}/api/hello`, { headers: { 'x-big': 'b'.repeat(400) } })).toBe(431);
  });

  it('--limit-body answers 413', async () => {
    expect(await status(`${a.url}/api/echo`, { method: 'POST', body: 'x'.repeat(3000) })).toBe(413);
    expect(await status(`${a.url}/api/echo`, { method: 'POST', body: 'x'.repeat(1000) })).toBe(200);
  });

  it('--limit-concurrency answers 503 past the limit', async () => {
    const holder = await RawConnection.open(e.port);
    holder.write('GET /hold HTTP/1.1\r\nHost: t\r\n\r\n');
    await expect.poll(() => status(`${e.url}/hello`), { timeout: 5000 }).toBe(503);
    // The held request ends when its client leaves; the slot frees up.
    holder.close();
    await expect.poll(() => status(`${e.url}/hello`), { timeout: 5000 }).toBe(200);
  });

  it('--spool-threshold spools sync bodies to a temp file', async () => {
    const reply = JSON.parse((await fetchRaw(`${f.url}/spool`, { method: 'POST', body: 'y'.repeat(5000) })).body) as { size: number; spoolFiles: string[] };
    expect(reply.size).toBe(5000);
    expect(reply.spoolFiles).toHaveLength(1);
  });
});

describe('timeouts', () => {
  it('--timeout-keep-alive closes idle connections', async () => {
    const connection = await RawConnection.open(a.port);
    connection.write('GET /api/hello HTTP/1.1\r\nHost: t\r\n\r\n');
    const res = await connection.response();
    expect(res.headers).toContainEqual(['keep-alive', 'timeout=0']);
    await connection.waitClosed(3000);
  });

  it('--timeout-headers answers 408', async () => {
    const connection = await RawConnection.open(e.port);
    connection.write('GET /hello HTTP/1.1\r\n');
    expect((await connection.response()).status).toBe(408);
  });

  it('--timeout-body and --min-body-rate cut off a slow body', async () => {
    const connection = await RawConnection.open(e.port);
    connection.write('POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nab');
    const res = await connection.response();
    expect(res.status).toBe(408);
    await connection.waitClosed();
  });

  it('--timeout-graceful-shutdown bounds how long SIGTERM waits for open requests', async () => {
    const cli = await serve(['protocol-app.ts', '--port', '0', '--timeout-graceful-shutdown', '0.3']);
    const held = fetchRaw(`${cli.url}/hold`).catch((error: unknown) => error);
    await cli.output(/listening/);
    const began = Date.now();
    expect(await cli.stop()).toBe(0);
    expect(Date.now() - began).toBeLessThan(5000);
    await held;
  });
});

describe('WebSocket options', () => {
  const open = (url: string, options: WebSocket.ClientOptions = {}): Promise<{ ws: WebSocket; closed: Promise<number>; extensions: string | undefined }> =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(`${url.replace('http', 'ws')}/echo`, options);
      const closed = new Promise<number>((done) => ws.once('close', done));
      let extensions: string | undefined;
      ws.once('upgrade', (res) => (extensions = res.headers['sec-websocket-extensions']));
      ws.once('open', () => resolve({ ws, closed, extensions }));
      ws.once('error', reject);
    });

  it('--ws-max-size closes with 1009', async () => {
    const { ws, closed } = await open(g.url);
    ws.send('z'.repeat(2000));
    expect(await closed).toBe(1009);
  });

  it('--ws-ping-interval pings and --ws-ping-timeout drops a silent client', async () => {
    const answering = await open(g.url);
    await new Promise((resolve) => answering.ws.once('ping', resolve));
    answering.ws.close();
    const silent = await open(g.url, { autoPong: false });
    expect(await silent.closed).toBe(1006);
  });

  it('--ws-per-message-deflate negotiates compression', async () => {
    const { ws, extensions } = await open(g.url);
    expect(extensions).toContain('permessage-deflate');
    ws.close();
  });
});

describe('TLS and HTTP/2', () => {
  it('--ssl-keyfile/--ssl-certfile with --http2 serve h2 by ALPN and HTTP/1.1 as fallback', async () => {
    expect(h.url).toMatch(/^https:/);
    const session = connectHttp2(h.url, { ca: certificate.cert });
    const version = await new Promise<unknown>((resolve, reject) => {
      const stream = session.request({ ':path': '/scope' });
      let body = '';
      stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
      stream.on('end', () => resolve((JSON.parse(body) as { httpVersion: unknown; scheme: unknown })));
      stream.on('error', reject);
    });
    session.close();
    expect(version).toMatchObject({ httpVersion: '2', scheme: 'https' });
    const fallback = await new Promise<string>((resolve, reject) => {
      httpsRequest(`${h.url}/scope`, { ca: certificate.cert }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve(body));
      }).on('error', reject).end();
    });
    expect(JSON.parse(fallback)).toMatchObject({ httpVersion: '1.1', scheme: 'https' });
  });

  it('--http2 without TLS serves h2c and HTTP/1.1 on one port', async () => {
    expect(await new Promise((resolve) => get(`${i.url}/`, (res) => { let body = ''; res.on('data', (c: Buffer) => (body += c.toString())); res.on('end', () => resolve(body)); }))).toBe('sync face');
  });
});

describe('logging', () => {
  it('--access-log writes the combined log format to stdout', async () => {
    await fetchRaw(`${a.url}/api/hello?x=1`, { headers: { 'user-agent': 'cli-test', referer: 'http://ref.example/' } });
    const line = await a.output(/.*GET \/api\/hello\?x=1.*\n/, 'stdout');
    expect(line).toMatch(/^127\.0\.0\.1 - - \[\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] "GET \/api\/hello\?x=1 HTTP\/1\.1" 200 5 "http:\/\/ref\.example\/" "cli-test"\n$/);
  });

  it('--log-format json writes JSON lines for access and server logs', async () => {
    await fetchRaw(`${b.url}/hello`);
    const access = JSON.parse(await b.output(/\{.*"target":"\/hello".*\}/, 'stdout')) as Record<string, unknown>;
    expect(access).toMatchObject({ method: 'GET', target: '/hello', status: 200, bytes: 5, protocol: 'HTTP/1.1' });
    expect(JSON.parse(await b.output(/\{.*listening on.*\}/, 'stderr'))).toMatchObject({ level: 'info' });
  });

  it('--log-level filters lines: warn keeps errors, drops info', async () => {
    await fetchRaw(`http://127.0.0.1:${plainPort}/raise-before`);
    await j.output(/boom before start/, 'stderr');
    expect(j.stderr()).not.toContain('listening on');
    await e.output(/\[debug\]|\[info\]/, 'stderr');
  });

  it('--no-server-header drops the Server header; it is on by default', async () => {
    expect((await fetchRaw(`${a.url}/api/hello`)).headers.server).toBeUndefined();
    expect((await fetchRaw(`${c.url}/hello`)).headers.server).toBe('tsgi');
  });
});
