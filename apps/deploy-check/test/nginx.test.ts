// docs/deploy/nginx.md, run: its nginx configuration in a real nginx, in front of two real
// `tsgi serve` processes started with its commands, all on 127.0.0.1.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { codeBlocks, readDoc, substitute } from './helpers/markdown.js';
import { freePort, startNginx, testConfig, wrapConfig, type Nginx } from './helpers/nginx.js';
import { selfSigned, type Certificate } from './helpers/tls.js';
import { localArgs, serveLines, startTsgi, type Tsgi } from './helpers/tsgi.js';

const page = readDoc('deploy/nginx.md');
const [pairFirst, pairSecond, remote] = serveLines(codeBlocks(page, 'sh'));
const [nginxConfig] = codeBlocks(page, 'nginx');

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
interface WhoAmI {
  instance: string | null;
  client: { host: string; port: number | null } | null;
  scheme: string;
}

const dir = mkdtempSync(join(tmpdir(), 'tsgi-nginx-'));
let cert: Certificate;
let instances: Tsgi[] = [];
let nginx: Nginx | undefined;
let httpPort = 0;
let httpsPort = 0;

function get(port: number, path: string, options: { tls?: boolean; headers?: Record<string, string> } = {}): Promise<Answer> {
  const send = options.tls ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send({ host: '127.0.0.1', port, path, headers: options.headers, agent: false, ...(options.tls && { ca: cert.cert }) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const whoami = async (headers?: Record<string, string>): Promise<WhoAmI> => {
  const answer = await get(httpsPort, '/whoami', { tls: true, ...(headers && { headers }) });
  expect(answer.status).toBe(200);
  return JSON.parse(answer.body) as WhoAmI;
};

beforeAll(async () => {
  expect(pairFirst, 'the page starts two instances').toBeDefined();
  cert = await selfSigned(dir);
  instances = await Promise.all([
    startTsgi(localArgs(pairFirst ?? ''), { env: { TSGI_TEST_INSTANCE: 'a' } }),
    startTsgi(localArgs(pairSecond ?? ''), { env: { TSGI_TEST_INSTANCE: 'b' } }),
  ]);
  const [a, b] = instances as [Tsgi, Tsgi];
  // A port handed out here may be taken before nginx binds it; then try new ones.
  for (let attempt = 1; ; attempt++) {
    [httpPort, httpsPort] = [await freePort(), await freePort()];
    const config = substitute(nginxConfig ?? '', [
      ['server 127.0.0.1:8001', `server 127.0.0.1:${a.port}`],
      ['server 127.0.0.1:8002', `server 127.0.0.1:${b.port}`],
      ['listen 80;', `listen 127.0.0.1:${httpPort};`],
      ['listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl;`],
      ['/etc/ssl/certs/app.example.com.pem', cert.certFile],
      ['/etc/ssl/private/app.example.com.key', cert.keyFile],
    ]);
    try {
      nginx = await startNginx(join(dir, 'nginx'), wrapConfig(join(dir, 'nginx'), config), httpsPort);
      break;
    } catch (error) {
      if (attempt === 3 || !/Address already in use/.test(String(error))) throw error;
    }
  }
});

afterAll(async () => {
  await nginx?.stop();
  await Promise.all(instances.map((instance) => instance.stop()));
  rmSync(dir, { recursive: true, force: true });
});

describe('nginx in front of two tsgi instances (docs/deploy/nginx.md)', () => {
  it('has a configuration nginx -t accepts', async () => {
    const result = await testConfig(join(dir, 'nginx'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('test is successful');
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const answer = await get(httpPort, '/whoami?x=1');
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe('https://127.0.0.1/whoami?x=1');
  });

  it('spreads requests over both instances', async () => {
    const seen = new Set<string | null>();
    for (let i = 0; i < 6; i++) seen.add((await whoami()).instance);
    expect([...seen].sort()).toEqual(['a', 'b']);
  });

  it("shows the app nginx's client address and https, not what the client forged", async () => {
    const answer = await whoami({ 'X-Forwarded-For': '203.0.113.9', 'X-Forwarded-Proto': 'http', Forwarded: 'for=198.51.100.1;proto=http' });
    // tsgi itself speaks plain HTTP to nginx: https can only come from nginx's X-Forwarded-Proto.
    expect(answer.scheme).toBe('https');
    expect(answer.client?.host).toBe('127.0.0.1');
  });

  it('ignores X-Forwarded-* from a peer outside --forwarded-allow-ips', async () => {
    // The page's command for nginx on another machine trusts that machine only; this test's
    // requests come from 127.0.0.1, which it does not trust.
    expect(remote).toContain('--forwarded-allow-ips 10.0.0.5');
    const untrusting = await startTsgi(localArgs(remote ?? ''));
    try {
      const answer = await get(untrusting.port, '/whoami', { headers: { 'X-Forwarded-For': '203.0.113.9', 'X-Forwarded-Proto': 'https' } });
      const body = JSON.parse(answer.body) as WhoAmI;
      expect(body.scheme).toBe('http');
      expect(body.client?.host).toBe('127.0.0.1');
      expect(body.client?.port).toBeGreaterThan(0); // the socket's own port: no header was read
    } finally {
      await untrusting.stop();
    }
  });

  it('passes WebSocket upgrades through to an instance and back', async () => {
    const socket = new WebSocket(`wss://127.0.0.1:${httpsPort}/echo`, { ca: cert.cert });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      const echoed = new Promise<string>((resolve) => socket.once('message', (data: Buffer) => resolve(data.toString())));
      socket.send('through nginx');
      expect(await echoed).toBe('through nginx');
    } finally {
      socket.close();
    }
  });

  it('keeps answering every request after one instance is killed', async () => {
    const [a] = instances as [Tsgi, Tsgi];
    const killed = await a.kill('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const answered: Array<string | null> = [];
    for (let i = 0; i < 10; i++) answered.push((await whoami()).instance);
    expect(answered).toEqual(Array.from({ length: 10 }, () => 'b'));
  });
});
