// Raw-socket requests to the real CLI, judged against RFC 9112 / RFC 9110: what
// test/protocol/{bad-input,http1}.test.ts do not already pin, for a sync and an async app. Each
// refusal answers with the RFC's status and closes, and a bystander connection never notices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_MESSAGES } from '../../src/index.js';
import type { CliProcess } from '../support/cli-process.js';
import { RawConnection, type RawResponse } from '../support/raw-http.js';
import { APPS, serveFixture, stopAll } from './support.js';

const servers: Partial<Record<keyof typeof APPS, CliProcess>> = {};
beforeAll(async () => {
  [servers.sync, servers.async] = await Promise.all([serveFixture(APPS.sync), serveFixture(APPS.async)]);
}, 30_000);
afterAll(() => stopAll(servers.sync, servers.async));

const header = (res: RawResponse, name: string): string | undefined => res.headers.find(([key]) => key === name)?.[1];
const report = (res: RawResponse): { method: string; path: string; headers: Array<[string, string]>; bodyLength: number } => JSON.parse(res.body.toString()) as never;
const smuggled = 'GET /inspect?smuggled HTTP/1.1\r\nHost: t\r\n\r\n';

describe.each(['sync', 'async'] as const)('%s app', (kind) => {
  const port = (): number => servers[kind]?.port ?? 0;

  /** Sends one request; resolves with the response and whether the server then closed. */
  async function send(request: string, options: { head?: boolean } = {}): Promise<{ res: RawResponse; closed: boolean; connection: RawConnection }> {
    const connection = await RawConnection.open(port());
    connection.write(request);
    const res = await connection.response(options);
    return { res, closed: connection.isClosed, connection };
  }

  /** Expects `status` with Connection: close, then the close, and a bystander still served. */
  async function refused(request: string, status: number): Promise<RawResponse> {
    const bystander = await RawConnection.open(port());
    try {
      const { res, connection } = await send(request);
      expect(res.status).toBe(status);
      expect(header(res, 'connection')).toBe('close');
      await connection.waitClosed();
      bystander.write('GET /inspect HTTP/1.1\r\nHost: t\r\n\r\n');
      expect((await bystander.response()).status).toBe(200);
      return res;
    } finally {
      bystander.close();
    }
  }

  describe('request smuggling (RFC 9112 §6)', () => {
    it.each([
      ['Transfer-Encoding without chunked last (§6.3)', `POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: identity\r\n\r\n${smuggled}`],
      ['an empty Transfer-Encoding (§6.3)', `POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: \r\n\r\n${smuggled}`],
      ['chunked applied twice (§6.1)', `POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n${smuggled}`],
      ['a Content-Length list of two values', `POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1,1\r\n\r\na${smuggled}`],
      ['a negative Content-Length', `POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: -1\r\n\r\na${smuggled}`],
      ['a Content-Length past 2^64', `POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999999999999999999\r\n\r\na${smuggled}`],
      ['a hexadecimal Content-Length', `POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 0x1\r\n\r\na${smuggled}`],
      ['a chunk size with 0x', `POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n0x3\r\nabc\r\n0\r\n\r\n${smuggled}`],
      ['a chunk ended by a bare LF', `POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\n0\r\n\r\n${smuggled}`],
      ['a negative chunk size', `POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n-3\r\nabc\r\n0\r\n\r\n${smuggled}`],
    ])('answers 400 to %s and never runs what follows', async (_name, request) => {
      const res = await refused(request, 400);
      expect(res.body.toString()).not.toContain('smuggled');
    });

    it('reads Transfer-Encoding: <tab>chunked as chunked (OWS, RFC 9110 §5.5)', async () => {
      const { res, closed, connection } = await send('POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: \tchunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n');
      expect([res.status, res.body.toString(), closed]).toEqual([200, 'abc', false]);
      connection.close();
    });

    it('reads chunk extensions, quoted ones too, and leading zeros in a chunk size (§7.1)', async () => {
      const zeros = '0'.repeat(4000);
      const { res, connection } = await send(`POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3;a=b;c="d; e"\r\nabc\r\n${zeros}2\r\nde\r\n0;last\r\nX-Trailer: 1\r\n\r\n`);
      expect([res.status, res.body.toString()]).toEqual([200, 'abcde']);
      connection.close();
    });

    it('refuses chunk extensions past their budget and closes', async () => {
      const res = await refused(`POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3;${'e'.repeat(100_000)}\r\nabc\r\n0\r\n\r\n`, 413);
      expect(res.body.toString()).toContain(PROTOCOL_MESSAGES.chunkExtensionsTooLarge);
    });
  });

  describe('request line and header section (RFC 9112 §2-§5)', () => {
    it.each([
      ['a method that is not a token', 'G(T /inspect HTTP/1.1\r\nHost: t\r\n\r\n', 400],
      ['a bare CR inside the header section', 'GET /inspect HTTP/1.1\r\nHost: t\rX: y\r\n\r\n', 400],
      ['a Host that is not a host (§3.2)', 'GET /inspect HTTP/1.1\r\nHost: a b\r\n\r\n', 400],
      ['a Host with userinfo (§3.2)', 'GET /inspect HTTP/1.1\r\nHost: user@example.com\r\n\r\n', 400],
      ['a Host with a path (§3.2)', 'GET /inspect HTTP/1.1\r\nHost: example.com/x\r\n\r\n', 400],
      ['HTTP/2.0 on an HTTP/1.1 connection (RFC 9110 §15.6.6)', 'GET /inspect HTTP/2.0\r\nHost: t\r\n\r\n', 505],
      ['HTTP/3.0 (RFC 9110 §15.6.6)', 'GET /inspect HTTP/3.0\r\nHost: t\r\n\r\n', 505],
      ['a method the server does not implement (RFC 9110 §9.1)', 'BREW /inspect HTTP/1.1\r\nHost: t\r\n\r\n', 501],
      ['a lower-case method, which is another method (RFC 9110 §9.1)', 'get /inspect HTTP/1.1\r\nHost: t\r\n\r\n', 501],
    ])('answers %s with its status', async (_name, request, status) => {
      await refused(request, status);
    });

    it('serves a Host given as an IPv6 literal with a port, and an empty Host', async () => {
      for (const host of ['[::1]:8080', '']) {
        const { res, connection } = await send(`GET /inspect HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
        expect(res.status).toBe(200);
        connection.close();
      }
    });

    it('takes the host from an absolute-form target over the Host header (§3.2.2)', async () => {
      const { res, connection } = await send('GET http://example.com:8080/inspect?q=1 HTTP/1.1\r\nHost: other.test\r\n\r\n');
      const seen = report(res);
      expect(seen.path).toBe('/inspect');
      expect(seen.headers.filter(([name]) => name === 'host')).toEqual([['host', 'example.com:8080']]);
      connection.close();
    });

    it('hands OPTIONS * to the app with the path *', async () => {
      const { res, connection } = await send('OPTIONS * HTTP/1.1\r\nHost: t\r\n\r\n');
      expect(res.status).toBe(200);
      expect([report(res).method, report(res).path]).toEqual(['OPTIONS', '*']);
      connection.close();
    });

    it('answers the h2c preface with 505 and the flag it needs, on a port without --http2', async () => {
      const res = await refused('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 505);
      expect(res.body.toString()).toContain(PROTOCOL_MESSAGES.http2Off);
    });

    it('ignores an empty line before the request line (§2.2)', async () => {
      const { res, connection } = await send('\r\nGET /inspect HTTP/1.1\r\nHost: t\r\n\r\n');
      expect(res.status).toBe(200);
      connection.close();
    });
  });

  describe('connections (RFC 9112 §9)', () => {
    it('answers the requests before a malformed pipelined one, then 400, then closes', async () => {
      const connection = await RawConnection.open(port());
      connection.write('GET /inspect?first HTTP/1.1\r\nHost: t\r\n\r\nGET /x HTTP/1.1\r\nHost: t\r\nX-A : b\r\n\r\nGET /inspect?third HTTP/1.1\r\nHost: t\r\n\r\n');
      const first = await connection.response();
      expect(first.status).toBe(200);
      const second = await connection.response();
      expect([second.status, header(second, 'connection')]).toEqual([400, 'close']);
      await connection.waitClosed();
      expect(connection.pending).toBe('');
    });

    it('answers a Connection: close request, ignores what was pipelined after it, and closes', async () => {
      const connection = await RawConnection.open(port());
      connection.write(`GET /inspect?first HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n${smuggled}`);
      const res = await connection.response();
      expect([res.status, header(res, 'connection')]).toEqual([200, 'close']);
      await connection.waitClosed();
      expect(connection.pending).toBe('');
    });

    it('keeps an HTTP/1.0 connection open when asked with Connection: keep-alive, and closes it otherwise', async () => {
      const connection = await RawConnection.open(port());
      connection.write('GET /inspect HTTP/1.0\r\nConnection: keep-alive\r\n\r\n');
      const kept = await connection.response();
      expect([kept.status, header(kept, 'connection')?.toLowerCase()]).toEqual([200, 'keep-alive']);
      connection.write('GET /inspect HTTP/1.0\r\n\r\n');
      const last = await connection.response();
      expect(last.status).toBe(200);
      await connection.waitClosed();
    });

    it('reads and discards the body of a GET and serves the next request', async () => {
      const connection = await RawConnection.open(port());
      connection.write('GET /inspect HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabcGET /inspect?second HTTP/1.1\r\nHost: t\r\n\r\n');
      expect(report(await connection.response()).bodyLength).toBe(3);
      expect((await connection.response()).status).toBe(200);
      connection.close();
    });
  });
});

describe('Expect: 100-continue (RFC 9110 §10.1.1)', () => {
  it('answers an async app that never reads the body without 100 Continue, then closes', async () => {
    const connection = await RawConnection.open(servers.async?.port ?? 0);
    connection.write('POST /no-read HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\nExpect: 100-continue\r\n\r\n');
    await connection.waitFor(() => connection.pending.includes('\r\n\r\n'));
    expect(connection.pending).toMatch(/^HTTP\/1\.1 401 /);
    const res = await connection.response();
    expect(header(res, 'connection')).toBe('close');
    await connection.waitClosed();
  });

  it('sends 100 Continue to a sync app, which needs its body before it runs', async () => {
    const connection = await RawConnection.open(servers.sync?.port ?? 0);
    connection.write('POST /no-read HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n');
    await connection.waitFor(() => connection.pending.startsWith('HTTP/1.1 100 Continue\r\n\r\n'));
    connection.write('hello');
    expect((await connection.response()).status).toBe(401);
    connection.close();
  });
});
