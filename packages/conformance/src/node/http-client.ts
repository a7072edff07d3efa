// An HTTP/1.1 client with the exact semantics `Served.request()` asks for, over node:http, so the
// node-based drivers (server, Express, ...) share one. Lives in its own entry: the main entry stays
// free of node:* imports.
import { once } from 'node:events';
import { type ClientRequest, type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { HeaderList } from '@tsgi/async';
import { concat } from '../_internal/bytes.js';
import type { ConformanceRequest, ConformanceResponse } from '../driver.js';

/** Sends one request and resolves with what arrived. */
export type HttpClient = (req: ConformanceRequest) => Promise<ConformanceResponse>;

/** `rawHeaders` ['Set-Cookie', 'a', ...] as lower-cased pairs. */
const pairs = (raw: string[]): HeaderList => {
  const out: HeaderList = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  return out;
};

function requestHeaders(req: ConformanceRequest, host: string): string[] {
  const headers: HeaderList = [...(req.headers ?? [])];
  const has = (name: string): boolean => headers.some(([n]) => n.toLowerCase() === name);
  if (!has('host')) headers.unshift(['host', host]);
  if (req.body instanceof Uint8Array && !has('content-length')) headers.push(['content-length', String(req.body.length)]);
  if (req.body !== undefined && !(req.body instanceof Uint8Array) && !has('transfer-encoding')) {
    headers.push(['transfer-encoding', 'chunked']);
  }
  return headers.flat();
}

async function writeBody(client: ClientRequest, body: ConformanceRequest['body']): Promise<void> {
  if (body === undefined || body instanceof Uint8Array) {
    client.end(body);
    return;
  }
  for await (const piece of body) {
    if (!client.write(piece)) await once(client, 'drain');
  }
  client.end();
}

function collect(res: IncomingMessage, req: ConformanceRequest, client: ClientRequest): Promise<ConformanceResponse> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let received = 0;
    let done = false;
    const finish = (incomplete: boolean): void => {
      if (done) return;
      done = true;
      const result: ConformanceResponse = { status: res.statusCode ?? 0, headers: pairs(res.rawHeaders), body: concat(chunks) };
      if (res.rawTrailers.length > 0) result.trailers = pairs(res.rawTrailers);
      if (incomplete) result.incomplete = true;
      resolve(result);
    };
    res.on('data', (chunk: Buffer) => {
      if (done) return;
      chunks.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength).slice());
      received += chunk.byteLength;
      if (req.disconnectAfter !== undefined && received >= req.disconnectAfter) {
        finish(true);
        client.destroy();
      }
    });
    // RFC 9112 §8: a message cut short (chunked without its last chunk, or short of Content-Length)
    // leaves `complete` false; node reports it as an 'aborted' error, then 'close'.
    res.on('end', () => finish(!res.complete));
    res.on('error', () => finish(true));
    res.on('close', () => finish(!res.complete));
  });
}

/**
 * Creates the `request()` of a driver whose host listens on a real socket, over node:http(s).
 * Each request uses its own connection, so a request that ends badly cannot spoil the next.
 *
 * @example
 * import { createHttpClient } from '@tsgi/conformance/node';
 * return { baseUrl: url, request: createHttpClient(url), stop: () => server.close() };
 */
export function createHttpClient(origin: string): HttpClient {
  const url = new URL(origin);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return (req) =>
    new Promise((resolve, reject) => {
      const client = send({
        hostname: url.hostname,
        port: url.port,
        method: req.method,
        path: req.target,
        headers: requestHeaders(req, url.host),
        setHost: false,
        agent: false,
      });
      let responded = false;
      client.on('response', (res) => {
        responded = true;
        collect(res, req, client).then(resolve, reject);
      });
      // After a response began, errors (the server closing mid-upload, our own disconnect) are
      // what `incomplete` reports; before it, there is no response to give.
      client.on('error', (error) => {
        if (!responded) reject(error);
      });
      writeBody(client, req.body).catch((error: unknown) => client.destroy(error as Error));
    });
}
