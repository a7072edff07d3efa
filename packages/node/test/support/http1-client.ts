// A conformance client over node:http (HTTP/1.1) and node:https: raw header order kept, trailers,
// and incomplete responses reported instead of thrown.
import type { ConformanceRequest, ConformanceResponse } from '@tsgi/conformance';
import type { HeaderList } from '@tsgi/async';
import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { once } from 'node:events';

/** A keep-alive client for one base URL. */
export interface Http1Client {
  request(req: ConformanceRequest): Promise<ConformanceResponse>;
  close(): void;
}

/** Pairs from node's rawHeaders, names lower-cased. */
export function headerPairs(raw: readonly string[]): HeaderList {
  const pairs: HeaderList = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([(raw[i] ?? '').toLowerCase(), raw[i + 1] ?? '']);
  return pairs;
}

/**
 * Builds a client; TLS URLs trust `ca` (the test's self-signed certificate).
 *
 * @example
 * const client = createHttp1Client('http://127.0.0.1:8000');
 * const res = await client.request({ method: 'GET', target: '/a%2Fb' });
 */
export function createHttp1Client(baseUrl: string, options: { ca?: string | Buffer } = {}): Http1Client {
  const url = new URL(baseUrl);
  const tls = url.protocol === 'https:';
  const agent = tls ? new HttpsAgent({ keepAlive: true, ...(options.ca ? { ca: options.ca } : {}) }) : new Agent({ keepAlive: true });
  const send = tls ? httpsRequest : httpRequest;
  return {
    close: () => agent.destroy(),
    request: (req) =>
      new Promise<ConformanceResponse>((resolve, reject) => {
        const headers = (req.headers ?? []).flat();
        // node adds Host itself only when headers are an object.
        if (!(req.headers ?? []).some(([name]) => name.toLowerCase() === 'host')) headers.unshift('host', url.host);
        if (req.body instanceof Uint8Array) headers.push('content-length', String(req.body.byteLength));
        const outgoing = send({ host: url.hostname, port: url.port, method: req.method, path: req.target, headers, agent, ...(options.ca ? { ca: options.ca } : {}) });
        outgoing.once('error', reject);
        outgoing.once('response', (res: IncomingMessage) => {
          outgoing.off('error', reject);
          collect(res, req.disconnectAfter, () => outgoing.destroy()).then(resolve, reject);
        });
        void writeBody(outgoing, req.body).catch((error: unknown) => outgoing.destroy(error as Error));
      }),
  };
}

async function writeBody(outgoing: ReturnType<typeof httpRequest>, body: ConformanceRequest['body']): Promise<void> {
  if (body === undefined || body instanceof Uint8Array) {
    outgoing.end(body);
    return;
  }
  for await (const chunk of body) if (!outgoing.write(chunk)) await once(outgoing, 'drain');
  outgoing.end();
}

function collect(res: IncomingMessage, disconnectAfter: number | undefined, disconnect: () => void): Promise<ConformanceResponse> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (incomplete: boolean): void => {
      if (done) return;
      done = true;
      const response: ConformanceResponse = { status: res.statusCode ?? 0, headers: headerPairs(res.rawHeaders), body: new Uint8Array(Buffer.concat(chunks)) };
      const trailers = headerPairs(res.rawTrailers);
      if (trailers.length > 0) response.trailers = trailers;
      if (incomplete) response.incomplete = true;
      resolve(response);
    };
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (disconnectAfter !== undefined && size >= disconnectAfter) {
        disconnect();
        finish(true);
      }
    });
    res.once('end', () => finish(!res.complete));
    res.once('error', () => finish(true));
    res.once('close', () => finish(!res.complete));
  });
}
