// Malformed and hostile requests over raw sockets: each gets the right status, its connection
// closes, and no other connection notices (RFC 9110, RFC 9112, RFC 6585).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_MESSAGES } from '../../src/index.js';
import { app } from '../fixtures/protocol-app.js';
import { startServer, type TestServer } from '../support/in-process.js';
import { RawConnection } from '../support/raw-http.js';

let t: TestServer;
let bystander: RawConnection;
beforeAll(async () => {
  t = await startServer(app, {
    limitRequestLine: 200,
    limitRequestFields: 10,
    limitRequestFieldSize: 200,
    limitBody: 1000,
    timeoutHeaders: 0.5,
    timeoutBody: 0.5,
    minBodyRate: 1_000_000,
  });
  bystander = await RawConnection.open(t.port);
});
afterAll(async () => {
  bystander.close();
  await t.server.close();
});

const header = (res: { headers: Array<[string, string]> }, name: string): string | undefined => res.headers.find(([key]) => key === name)?.[1];

/** Sends `request`, expects `status` with Connection: close, then the close; the bystander still works. */
async function refused(request: string | Buffer, status: number): Promise<string> {
  const connection = await RawConnection.open(t.port);
  connection.write(request);
  const res = await connection.response();
  await connection.waitClosed();
  expect(res.status).toBe(status);
  expect(header(res, 'connection')).toBe('close');
  bystander.write('GET /hello HTTP/1.1\r\nHost: t\r\n\r\n');
  expect((await bystander.response()).body.toString()).toBe('hello');
  return res.body.toString();
}

describe('malformed requests', () => {
  it.each([
    ['garbage instead of a request line', 'HELLO\r\n\r\n'],
    ['an unknown HTTP version', 'GET / HTTP/1.2\r\nHost: t\r\n\r\n'],
    ['a bare LF line ending', 'GET / HTTP/1.1\nHost: t\n\n'],
    ['obsolete line folding', 'GET / HTTP/1.1\r\nHost: t\r\nX-A: a\r\n b\r\n\r\n'],
    ['whitespace before the colon', 'GET / HTTP/1.1\r\nHost: t\r\nX-A : a\r\n\r\n'],
    ['a NUL in a header value', 'GET / HTTP/1.1\r\nHost: t\r\nX-A: a\0b\r\n\r\n'],
    ['no Host in HTTP/1.1', 'GET / HTTP/1.1\r\n\r\n'],
    ['two Host headers', 'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n'],
  ])('answers 400 to %s', async (_name, request) => {
    await refused(request, 400);
  });
});

describe('methods the server does not offer', () => {
  it('answers 501 to CONNECT', async () => {
    const body = await refused('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', 501);
    expect(body).toContain(PROTOCOL_MESSAGES.connectUnsupported);
  });

  it('answers 408 to a connection that never sends a request', async () => {
    const connection = await RawConnection.open(t.port);
    expect((await connection.response()).status).toBe(408);
    await connection.waitClosed();
  });
});

describe('request smuggling', () => {
  const smuggled = 'GET /hello?smuggled HTTP/1.1\r\nHost: t\r\n\r\n';
  it.each([
    ['Content-Length with Transfer-Encoding', `POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${smuggled}`],
    ['two Content-Length headers', `POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc${smuggled}`],
    ['a Content-Length list', `POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3, 3\r\n\r\nabc${smuggled}`],
    ['a signed Content-Length', `POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: +3\r\n\r\nabc${smuggled}`],
    ['chunked not last (CVE-2024-1135)', `POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n${smuggled}`],
    ['two Transfer-Encoding headers (CVE-2024-1135)', `POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n0\r\n\r\n${smuggled}`],
    ['an unknown coding with Content-Length (CVE-2024-6827)', `POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: xchunked\r\nContent-Length: 3\r\n\r\nabc${smuggled}`],
    ['Transfer-Encoding in HTTP/1.0', `POST /echo HTTP/1.0\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${smuggled}`],
    ['a bad chunk size', `POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n${smuggled}`],
    ['chunk data overrunning its size', `POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n${smuggled}`],
    ['a chunk size that overflows', `POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFF1\r\nabc\r\n0\r\n\r\n${smuggled}`],
  ])('answers 400 to %s and never runs the smuggled request', async (_name, request) => {
    await refused(request, 400);
    expect(t.logs.join('')).not.toContain('smuggled HTTP');
  });

  it('answers 501 to a transfer coding other than chunked', async () => {
    const body = await refused(`POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n${smuggled}`, 501);
    expect(body).toContain(PROTOCOL_MESSAGES.unsupportedCoding('gzip, chunked'));
  });
});

describe('limits', () => {
  it('answers 414 to a request line over --limit-request-line', async () => {
    await refused(`GET /${'a'.repeat(250)} HTTP/1.1\r\nHost: t\r\n\r\n`, 414);
  });

  it('answers 414 to a request line far past every header budget', async () => {
    await refused(`GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: t\r\n\r\n`, 414);
  });

  it('answers 431 to more header fields than --limit-request-fields', async () => {
    const fields = Array.from({ length: 11 }, (_, i) => `X-F${i}: ${i}\r\n`).join('');
    await refused(`GET /hello HTTP/1.1\r\nHost: t\r\n${fields}\r\n`, 431);
  });

  it('answers 431 to a header field over --limit-request-field-size', async () => {
    await refused(`GET /hello HTTP/1.1\r\nHost: t\r\nX-Big: ${'b'.repeat(250)}\r\n\r\n`, 431);
  });

  it('answers 431 to a header section past the whole budget', async () => {
    const fields = Array.from({ length: 9 }, (_, i) => `X-F${i}: ${'v'.repeat(400)}\r\n`).join('');
    await refused(`GET /hello HTTP/1.1\r\nHost: t\r\n${fields}\r\n`, 431);
  });

  it('answers 413 before reading a body whose Content-Length is over --limit-body', async () => {
    await refused('POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n', 413);
  });

  it('answers 413 and closes when a chunked body grows past --limit-body', async () => {
    const chunk = `3e8\r\n${'x'.repeat(1000)}\r\n`;
    await refused(`POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n${chunk}${chunk}0\r\n\r\n`, 413);
  });
});

describe('slow clients', () => {
  it('answers 408 and closes when the headers do not arrive within --timeout-headers', async () => {
    const connection = await RawConnection.open(t.port);
    connection.write('GET /hello HTTP/1.1\r\nHost: t\r\n');
    const res = await connection.response({ timeoutMs: 5000 });
    expect(res.status).toBe(408);
    await connection.waitClosed();
  });

  it('cuts off a body that trickles slower than --min-body-rate', async () => {
    const connection = await RawConnection.open(t.port);
    connection.write('POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nslow');
    const res = await connection.response({ timeoutMs: 5000 });
    expect(res.status).toBe(408);
    await connection.waitClosed();
  });
});
