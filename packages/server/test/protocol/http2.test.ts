// HTTP/2 (h2c) behaviour the server owns beyond the conformance suite, judged against RFC 9110 / 9113.
import { connect, type ClientHttp2Session, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http2';
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

/** Answer to one stream; over once the server has ended its half (a CONNECT client keeps its own open). */
async function exchange(on: ClientHttp2Session, headers: OutgoingHttpHeaders, body?: string): Promise<{ status: number; body: string; bytes: number }> {
  const stream = on.request(headers, { endStream: body === undefined && headers[':method'] !== 'CONNECT' });
  if (body !== undefined) stream.end(body);
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const [head] = await Promise.all([
    new Promise<IncomingHttpHeaders>((resolve) => stream.once('response', resolve)),
    new Promise((resolve) => stream.once('end', resolve)),
  ]);
  stream.close();
  const received = Buffer.concat(chunks);
  return { status: Number(head[':status']), body: received.toString(), bytes: received.byteLength };
}

const post = (path: string, expect: string, body: string) =>
  exchange(session, { ':method': 'POST', ':path': path, expect, 'content-length': String(body.length) }, body);

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
    const res = await exchange(session, { ':method': 'CONNECT', ':authority': 'example.com:443' });
    expect(res.status).toBe(501);
    expect(res.body).toBe(`${PROTOCOL_MESSAGES.connectUnsupported}\n`);
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

  // No content-length: the limit is crossed while the app reads.
  const postChunked = (body: string) => exchange(client, { ':method': 'POST', ':path': '/echo' }, body);

  it('names the peer, and logs a refusal with its status and body size', async () => {
    const ok = await postChunked('hi');
    const refused = await postChunked('far too long a body');
    expect([ok.status, refused.status]).toEqual([200, 413]);
    await expect.poll(() => lines.length).toBe(2);
    expect(lines[0]).toMatch(new RegExp(`^127\\.0\\.0\\.1 - - \\[.+\\] "POST /echo HTTP/2\\.0" 200 ${ok.bytes} `));
    expect(lines[1]).toMatch(new RegExp(`^127\\.0\\.0\\.1 - - \\[.+\\] "POST /echo HTTP/2\\.0" 413 ${refused.bytes} `));
  });
});
