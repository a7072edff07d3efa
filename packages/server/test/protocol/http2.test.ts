// HTTP/2 (h2c) behaviour the server owns beyond the conformance suite, judged against RFC 9110 / 9113.
import { connect, type ClientHttp2Session, type IncomingHttpHeaders } from 'node:http2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_MESSAGES } from '../../src/index.js';
import { app } from '../fixtures/protocol-app.js';
import { startServer, type TestServer } from '../support/in-process.js';

let t: TestServer;
let session: ClientHttp2Session;
beforeAll(async () => {
  t = await startServer(app, { accessLog: false, http2: true });
  session = connect(`http://127.0.0.1:${t.port}`);
});
afterAll(async () => {
  session.close();
  await t.server.close();
});

async function post(path: string, expect: string, body: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const stream = session.request({ ':method': 'POST', ':path': path, expect, 'content-length': String(body.length) });
  stream.end(body);
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const [headers] = await Promise.all([
    new Promise<IncomingHttpHeaders>((resolve) => stream.once('response', resolve)),
    new Promise((resolve) => stream.once('close', resolve)),
  ]);
  return { status: Number(headers[':status']), headers, body: Buffer.concat(chunks).toString() };
}

describe('Expect over HTTP/2', () => {
  it('refuses an expectation other than 100-continue with a 417 naming the rule', async () => {
    const res = await post('/echo', '200-ok', 'hello');
    expect(res.status).toBe(417);
    expect(res.body).toBe(`${PROTOCOL_MESSAGES.expectationFailed('200-ok')}\n`);
  });

  it('honours 100-continue in any letter case', async () => {
    const res = await post('/echo', '100-Continue', 'hello');
    expect(res.status).toBe(200);
    expect(res.body).toBe('POST hello');
  });
});

describe('CONNECT over HTTP/2', () => {
  it('is answered 501 naming the rule, as over HTTP/1.1', async () => {
    const stream = session.request({ ':method': 'CONNECT', ':authority': 'example.com:443' });
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The tunnel's client half stays open; the answer is over once the server ends its half.
    const [headers] = await Promise.all([
      new Promise<IncomingHttpHeaders>((resolve) => stream.once('response', resolve)),
      new Promise((resolve) => stream.once('end', resolve)),
    ]);
    stream.close();
    expect(headers[':status']).toBe(501);
    expect(Buffer.concat(chunks).toString()).toBe(`${PROTOCOL_MESSAGES.connectUnsupported}\n`);
  });
});

describe('the access log over HTTP/2', () => {
  let logged: TestServer;
  let client: ClientHttp2Session;
  const lines: string[] = [];
  beforeAll(async () => {
    logged = await startServer(app, { accessLog: true, accessLogSink: (line) => lines.push(line), http2: true, limitBody: 8 });
    client = connect(`http://127.0.0.1:${logged.port}`);
  });
  afterAll(async () => {
    client.close();
    await logged.server.close();
  });

  async function exchange(path: string, body: string): Promise<{ status: number; bytes: number }> {
    // No content-length: the limit is crossed while the app reads.
    const stream = client.request({ ':method': 'POST', ':path': path });
    stream.end(body);
    let bytes = 0;
    stream.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
    const [headers] = await Promise.all([
      new Promise<IncomingHttpHeaders>((resolve) => stream.once('response', resolve)),
      new Promise((resolve) => stream.once('close', resolve)),
    ]);
    return { status: Number(headers[':status']), bytes };
  }

  it('names the peer, and logs a refusal with its status and body size', async () => {
    const ok = await exchange('/echo', 'hi');
    const refused = await exchange('/echo', 'far too long a body');
    expect([ok.status, refused.status]).toEqual([200, 413]);
    await expect.poll(() => lines.length).toBe(2);
    expect(lines[0]).toMatch(new RegExp(`^127\\.0\\.0\\.1 - - \\[.+\\] "POST /echo HTTP/2\\.0" 200 ${ok.bytes} `));
    expect(lines[1]).toMatch(new RegExp(`^127\\.0\\.0\\.1 - - \\[.+\\] "POST /echo HTTP/2\\.0" 413 ${refused.bytes} `));
  });
});
