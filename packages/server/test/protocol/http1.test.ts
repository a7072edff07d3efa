// HTTP/1.1 behaviour over raw sockets, judged against RFC 9110 / RFC 9112.
import { HTTP_MESSAGES } from '@tsgi/async';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../fixtures/protocol-app.js';
import { startServer, type TestServer } from '../support/in-process.js';
import { RawConnection } from '../support/raw-http.js';
import { PROTOCOL_MESSAGES } from '../../src/index.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer(app, { accessLog: false });
});
afterAll(() => t.server.close());

const get = (path: string, extra = ''): string => `GET ${path} HTTP/1.1\r\nHost: test\r\n${extra}\r\n`;
const header = (res: { headers: Array<[string, string]> }, name: string): string | undefined => res.headers.find(([key]) => key === name)?.[1];

async function exchange(request: string, options: { head?: boolean } = {}) {
  const connection = await RawConnection.open(t.port);
  try {
    connection.write(request);
    return { res: await connection.response(options), connection };
  } finally {
    connection.close();
  }
}

describe('connections', () => {
  it('keeps the connection alive across requests', async () => {
    const connection = await RawConnection.open(t.port);
    connection.write(get('/echo'));
    expect((await connection.response()).body.toString()).toBe('GET ');
    connection.write(get('/echo'));
    expect((await connection.response()).status).toBe(200);
    expect(connection.isClosed).toBe(false);
    connection.close();
  });

  it('answers pipelined requests in order', async () => {
    const connection = await RawConnection.open(t.port);
    connection.write(`POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nonePOST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\ntwo${get('/stream')}`);
    expect((await connection.response()).body.toString()).toBe('POST one');
    expect((await connection.response()).body.toString()).toBe('POST two');
    expect((await connection.response()).body.toString()).toBe('one two three');
    connection.close();
  });

  it('reads a chunked request body and streams a chunked response', async () => {
    const { res } = await exchange('POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n');
    expect(res.body.toString()).toBe('POST abcde');
    const stream = await exchange(get('/stream'));
    expect(header(stream.res, 'transfer-encoding')).toBe('chunked');
    expect(stream.res.complete).toBe(true);
    expect(stream.res.body.toString()).toBe('one two three');
  });

  it('sends Date and Server headers', async () => {
    const { res } = await exchange(get('/echo'));
    expect(header(res, 'server')).toBe('tsgi');
    expect(new Date(header(res, 'date') ?? '').getTime()).toBeGreaterThan(0);
  });

  it('sends trailers after a chunked body', async () => {
    const connection = await RawConnection.open(t.port);
    connection.write(get('/trailers', 'TE: trailers\r\n'));
    await connection.waitFor(() => connection.pending.includes('0\r\nx-checksum: abc\r\n\r\n'));
    connection.close();
  });
});

describe('Expect: 100-continue', () => {
  // RFC 9110 §10.1.1: expectation names are case-insensitive.
  it.each(['100-continue', '100-Continue'])('sends 100 Continue to Expect: %s only once the app reads the body', async (expectation) => {
    const connection = await RawConnection.open(t.port);
    connection.write(`POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: ${expectation}\r\n\r\n`);
    await connection.waitFor(() => connection.pending.startsWith('HTTP/1.1 100 Continue\r\n\r\n'));
    connection.write('hello');
    expect((await connection.response()).body.toString()).toBe('POST hello');
    connection.close();
  });

  it('refuses an expectation other than 100-continue with a 417 naming the rule', async () => {
    const connection = await RawConnection.open(t.port);
    connection.write('POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 200-ok\r\n\r\nhello');
    const res = await connection.response();
    expect(res.status).toBe(417);
    expect(res.body.toString()).toBe(`${PROTOCOL_MESSAGES.expectationFailed('200-ok')}\n`);
    expect(header(res, 'connection')).toBe('close');
    await connection.waitClosed();
  });

  it('answers without 100 Continue and closes when the app never reads the body', async () => {
    const connection = await RawConnection.open(t.port);
    connection.write('POST /no-read HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n');
    const res = await connection.response();
    expect(res.status).toBe(401);
    expect(res.head).not.toContain('100 Continue');
    expect(header(res, 'connection')).toBe('close');
    await connection.waitClosed();
  });
});

describe('bodiless responses', () => {
  it('answers HEAD with the GET headers and no body bytes', async () => {
    const connection = await RawConnection.open(t.port);
    connection.write(`${get('/hello')}HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\n${get('/echo')}`);
    const got = await connection.response();
    const head = await connection.response({ head: true });
    expect(head.status).toBe(200);
    expect(header(head, 'content-length')).toBe('5');
    expect(head.headers.map(([name]) => name)).toEqual(got.headers.map(([name]) => name));
    // The next response starts right after the HEAD head: no body bytes came between.
    const next = await connection.response();
    expect(next.body.toString()).toBe('GET ');
    connection.close();
  });

  it('sends 204 and 304 without a body, Content-Length or Transfer-Encoding', async () => {
    const connection = await RawConnection.open(t.port);
    connection.write(get('/no-content') + get('/not-modified') + get('/echo'));
    for (const status of [204, 304]) {
      const res = await connection.response();
      expect(res.status).toBe(status);
      expect(header(res, 'content-length')).toBeUndefined();
      expect(header(res, 'transfer-encoding')).toBeUndefined();
    }
    expect((await connection.response()).body.toString()).toBe('GET ');
    connection.close();
  });
});

describe('app errors', () => {
  it('answers 500 and logs the stack when the app raises before starting', async () => {
    const { res } = await exchange(get('/raise-before'));
    expect(res.status).toBe(500);
    expect(res.body.toString()).not.toContain('boom');
    const line = await t.logged(/boom before start/);
    expect(line).toContain('at ');
  });

  it('aborts a chunked response without its terminator when the app raises after starting', async () => {
    const connection = await RawConnection.open(t.port);
    connection.write(get('/raise-after'));
    await connection.waitClosed();
    const res = await connection.response();
    expect(res.status).toBe(200);
    expect(res.complete).toBe(false);
    expect(connection.pending).not.toContain('0\r\n\r\n');
    await t.logged(/boom after start/);
  });

  it('closes the connection instead of sending more than Content-Length', async () => {
    const connection = await RawConnection.open(t.port);
    connection.write(get('/cl-long') + get('/echo'));
    await connection.waitClosed();
    const res = await connection.response();
    expect(res.body.toString()).toBe('abc');
    expect(res.complete).toBe(false);
    await t.logged(new RegExp(escape(HTTP_MESSAGES.bodyTooLong(10, 4))));
  });

  it('closes the connection when the body falls short of Content-Length', async () => {
    const connection = await RawConnection.open(t.port);
    connection.write(get('/cl-short') + get('/echo'));
    await connection.waitClosed();
    const res = await connection.response();
    expect(res.complete).toBe(false);
    await t.logged(new RegExp(escape(HTTP_MESSAGES.bodyTooShort(4, 10))));
  });

  it.each([
    ['/bad-status', /async §3\.4: status must be an integer/],
    ['/bad-header-crlf', /async §2\.3: header value of 'x-evil'/],
    ['/bad-header-latin1', /async §2\.3: header value of 'x-snow'/],
    ['/bad-chunk', /async §2\.3: 'http\.response\.body' body must be a Uint8Array/],
    ['/out-of-order', /async §3\.4: 'http\.response\.body' sent before 'http\.response\.start'/],
  ])('answers 500 for invalid output from %s and logs the rule', async (path, rule) => {
    const { res } = await exchange(get(path));
    if (path === '/bad-chunk') expect([200, 500]).toContain(res.status);
    else expect(res.status).toBe(500);
    expect(res.head).not.toContain('pwned');
    await t.logged(rule);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
