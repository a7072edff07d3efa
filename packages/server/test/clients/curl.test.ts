// curl against the real CLI, for a sync and an async app: the flags users reach for (HTTP/2 both
// ways, chunked uploads from stdin, HTTP/1.0, Expect, --compressed, a unix socket).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliProcess } from '../support/cli-process.js';
import { tempDirs } from '../support/temp-dirs.js';
import { createTestCertificate } from '../support/tls.js';
import { APPS, curl, serveFixture, stopAll } from './support.js';

type Kind = keyof typeof APPS;
interface Served {
  plain: CliProcess;
  secure: CliProcess;
  unix: CliProcess;
  socket: string;
}

const certificate = createTestCertificate();
const tempDir = tempDirs();
const served = {} as Record<Kind, Served>;

beforeAll(async () => {
  const tls = ['--ssl-keyfile', certificate.keyfile, '--ssl-certfile', certificate.certfile];
  await Promise.all(
    (Object.keys(APPS) as Kind[]).map(async (kind) => {
      const socket = join(tempDir('tsgi-curl-'), 'tsgi.sock');
      const started = await Promise.allSettled([
        serveFixture(APPS[kind], ['--http2']),
        serveFixture(APPS[kind], ['--http2', ...tls]),
        serveFixture(APPS[kind], ['--uds', socket]),
      ]);
      const [plain, secure, unix] = started.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : undefined));
      if (!plain || !secure || !unix) {
        await stopAll(plain, secure, unix);
        throw new Error(`a ${kind} server did not start`);
      }
      served[kind] = { plain, secure, unix, socket };
    }),
  );
}, 60_000);
afterAll(async () => {
  await stopAll(...Object.values(served).flatMap(({ plain, secure, unix }) => [plain, secure, unix]));
  certificate.remove();
});

interface Report {
  method: string;
  path: string;
  httpVersion: string;
  scheme: string;
  headers: Array<[string, string]>;
  bodyLength: number;
}
const report = (body: string): Report => JSON.parse(body) as Report;
const sent = (seen: Report, name: string): string[] => seen.headers.filter(([key]) => key === name).map(([, value]) => value);

describe.each(Object.keys(APPS) as Kind[])('curl and a %s app', (kind) => {
  const url = (path: string): string => `${served[kind].plain.url}${path}`;

  it('speaks h2c with --http2-prior-knowledge', async () => {
    const res = await curl(['--http2-prior-knowledge', '--data-binary', 'over h2c', url('/echo')]);
    expect([res.status, res.version, res.body]).toEqual([200, '2', 'over h2c']);
  });

  it('speaks HTTP/2 over TLS with --http2 -k, and HTTP/1.1 over TLS with --http1.1', async () => {
    const h2 = await curl(['--http2', '-k', `${served[kind].secure.url}/inspect`]);
    expect([h2.status, h2.version, report(h2.body).scheme, report(h2.body).httpVersion]).toEqual([200, '2', 'https', '2']);
    const h1 = await curl(['--http1.1', '-k', `${served[kind].secure.url}/inspect`]);
    expect([h1.status, h1.version, report(h1.body).httpVersion]).toEqual([200, '1.1', '1.1']);
  });

  it('answers curl --http2 on plain http over HTTP/1.1, ignoring its h2c upgrade (RFC 9110 §7.8)', async () => {
    const res = await curl(['--http2', url('/inspect')]);
    expect([res.status, res.version, report(res.body).method]).toEqual([200, '1.1', 'GET']);
  });

  it('uploads stdin chunked with -T -', async () => {
    const body = 'line\n'.repeat(5000);
    const res = await curl(['-T', '-', url('/inspect')], body);
    const seen = report(res.body);
    expect([res.status, seen.method, seen.bodyLength, sent(seen, 'transfer-encoding')]).toEqual([200, 'PUT', body.length, ['chunked']]);
  });

  it('uploads stdin chunked over h2c too', async () => {
    const res = await curl(['--http2-prior-knowledge', '-T', '-', url('/inspect')], 'x'.repeat(70_000));
    expect([res.status, res.version, report(res.body).bodyLength]).toEqual([200, '2', 70_000]);
  });

  it('speaks HTTP/1.0 with --http1.0 and closes the connection after', async () => {
    const res = await curl(['--http1.0', '-i', '--data-binary', 'old', url('/echo')]);
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(res.body).toMatch(/\r\nConnection: close\r\n/i);
    expect(res.body.endsWith('\r\n\r\nold')).toBe(true);
  });

  it('sends 100 Continue for -H "Expect: 100-continue" without making curl wait', async () => {
    const res = await curl(['-v', '--expect100-timeout', '30', '-H', 'Expect: 100-continue', '--data-binary', 'y'.repeat(4096), url('/inspect')]);
    expect(res.stderr).toContain('< HTTP/1.1 100 Continue');
    expect([res.status, report(res.body).bodyLength]).toEqual([200, 4096]);
  });

  it('works with --compressed: the server sends identity, never a coding it was not asked to undo', async () => {
    const res = await curl(['--compressed', '-D', '-', url('/stream?chunks=3&size=10')]);
    expect(res.status).toBe(200);
    expect(res.body).not.toMatch(/content-encoding/i);
    expect(res.body.endsWith('a'.repeat(10) + 'b'.repeat(10) + 'c'.repeat(10))).toBe(true);
  });

  it('serves over a unix socket with --uds, reached by curl --unix-socket', async () => {
    const res = await curl(['--unix-socket', served[kind].socket, '--data-binary', 'via uds', 'http://localhost/inspect?uds=1']);
    const seen = report(res.body);
    expect([res.status, seen.method, seen.bodyLength, sent(seen, 'host')]).toEqual([200, 'POST', 7, ['localhost']]);
  });
});
