// httpx (Debian's python3-httpx with python3-h2) against the real CLI, for a sync and an async app:
// what a user does with it, over HTTP/1.1, HTTP/2 over TLS and h2c. httpx_client.py drives it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliProcess } from '../support/cli-process.js';
import { createTestCertificate } from '../support/tls.js';
import { APPS, runPython, serveFixture, stopAll } from './support.js';

type Kind = keyof typeof APPS;
type Results = Record<string, Record<string, unknown>>;

const certificate = createTestCertificate();
const servers: CliProcess[] = [];
const results = {} as Record<Kind, Results>;

beforeAll(async () => {
  const tls = ['--ssl-keyfile', certificate.keyfile, '--ssl-certfile', certificate.certfile];
  await Promise.all(
    (Object.keys(APPS) as Kind[]).map(async (kind) => {
      const [plain, secure] = await Promise.all([serveFixture(APPS[kind], ['--http2']), serveFixture(APPS[kind], ['--http2', '--limit-body', '2m', ...tls])]);
      servers.push(plain, secure);
      results[kind] = await runPython<Results>('httpx_client.py', { http: plain.url, https: secure.url, cafile: certificate.certfile });
    }),
  );
}, 60_000);
afterAll(async () => {
  await stopAll(...servers);
  certificate.remove();
});

describe.each(Object.keys(APPS) as Kind[])('httpx and a %s app', (kind) => {
  const result = (name: string): Record<string, unknown> => results[kind][name] ?? { missing: name };

  it('sends GET, POST, PUT, PATCH and DELETE with bodies, JSON and forms', () => {
    expect(result('methods')).toEqual({
      GET: { status: 200, body: '', method: 'GET' },
      POST: { status: 200, body: 'POST body', method: 'POST' },
      PUT: { status: 200, body: 'PUT body', method: 'PUT' },
      PATCH: { status: 200, body: 'PATCH body', method: 'PATCH' },
      DELETE: { status: 200, body: 'DELETE body', method: 'DELETE' },
      json: { status: 200, body: { a: [1, 'é'] }, type: 'application/json' },
      form: { status: 200, body: 'name=ada+lovelace&lang=fr', type: 'application/x-www-form-urlencoded' },
    });
  });

  it('streams a chunked download with client.stream', () => {
    expect(result('streamingDownload')).toMatchObject({ status: 200, total: 64 * 16384, chunked: 'chunked' });
  });

  it('uploads a body from a generator, chunked, intact', () => {
    expect(result('chunkedUpload')).toEqual({ status: 200, bodyLength: 51225, expectedLength: 51225, sha256Matches: true, transferEncoding: 'chunked' });
  });

  it('reuses one keep-alive connection for 100 requests', () => {
    expect(result('keepAlive')).toEqual({ statuses: [200], connections: 1 });
  });

  it('answers HEAD, 204 and 304 without a body, and the connection stays usable', () => {
    const seen = result('headAndEmpty');
    expect(seen.head).toMatchObject({ status: 200, body: 0 });
    expect(Number((seen.head as { length: string }).length)).toBeGreaterThan(0);
    expect(seen['204']).toEqual({ status: 204, body: 0, length: null, te: null });
    expect(seen['304']).toEqual({ status: 304, body: 0, etag: '"v1"', te: null });
    expect(seen.afterwards).toBe(200);
  });

  it('follows redirects, and shows them when not following', () => {
    expect(result('redirects')).toEqual({
      status: 200,
      history: [302, 302, 302],
      finalQuery: 'redirected=1',
      unfollowed: { status: 302, location: '/inspect?redirected=1' },
    });
  });

  it('times out on a slow response, and the next request still succeeds', () => {
    expect(result('timeouts')).toEqual({ timedOut: 'ReadTimeout', afterwards: 200, body: 'late' });
  });

  it('keeps percent-encoded and unicode paths and query strings as sent, and decodes the path', () => {
    expect(result('pathsAndQueries')).toEqual({
      params: { status: 200, queryString: 'name=Zo%C3%AB+%26+co&emoji=%E2%98%83&empty=&list=a&list=b' },
      encoded: { status: 200, path: '/inspect/café/a/b', rawPath: '/inspect/caf%C3%A9/a%2Fb' },
      unicode: { status: 200, path: '/inspect/naïve ☃', rawPath: '/inspect/na%C3%AFve%20%E2%98%83' },
      inspectEncoded: { queryString: 'q=%E2%98%83&x=1+2&raw=%2F', rawPath: '/inspect' },
      decodedPath: { status: 200, path: '/inspect', rawPath: '/insp%65ct' },
    });
  });

  it('passes repeated headers and latin-1 values through, and round-trips cookies', () => {
    expect(result('headersAndCookies')).toEqual({
      repeated: ['one', 'two'],
      latin: ['café'],
      setCookie: ['a=1; Path=/', 'b=2; Path=/; HttpOnly'],
      jar: { a: '1', b: '2' },
      sentBack: ['a=1; b=2'],
    });
  });

  it('takes a 10 MiB body at the default --limit-body, echoes it, and answers 413 one byte past', () => {
    expect(result('largeBodies')).toEqual({
      upload: { status: 200, bodyLength: 10 * 1024 * 1024, sha256Matches: true },
      echo: { status: 200, sha256Matches: true },
      tooBig: { status: 413, connection: 'close' },
      afterwards: 200,
    });
  });

  it('speaks HTTP/2 over TLS (ALPN): bodies, streams, uploads, HEAD, 204 and 413', () => {
    expect(result('http2')).toEqual({
      versions: ['HTTP/2'],
      post: { status: 200, bodyLength: 7000, httpVersion: '2', scheme: 'https' },
      stream: { status: 200, length: 32 * 8192 },
      upload: { status: 200, sha256Matches: true },
      head: { status: 200, body: 0 },
      204: { status: 204, body: 0 },
      tooBig: { declared: 413, streamed: 413, afterwards: 200 },
    });
  });

  it('speaks h2c with prior knowledge beside HTTP/1.1 on one port', () => {
    expect(result('h2c')).toEqual({ status: 200, httpVersion: 'HTTP/2', appVersion: '2', bodyLength: 12 });
  });
});
