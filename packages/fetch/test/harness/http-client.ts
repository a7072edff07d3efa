// A conformance client over node:http: headers go on the wire in the given order, repeated names as
// separate fields, bodies with Content-Length or chunked, and the raw response comes back.
import { request as httpRequest } from 'node:http';
import type { HeaderList } from '@tsgi/async';
import type { ConformanceRequest, ConformanceResponse } from '@tsgi/conformance';

const pairs = (raw: string[]): HeaderList => {
  const list: HeaderList = [];
  for (let i = 0; i + 1 < raw.length; i += 2) list.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  return list;
};

/** Sends one request to `baseUrl` and resolves with what arrived (see ConformanceResponse). */
export function sendRequest(baseUrl: string, req: ConformanceRequest): Promise<ConformanceResponse> {
  const url = new URL(baseUrl);
  const headers: string[] = (req.headers ?? []).flat();
  const body = req.body;
  if (body instanceof Uint8Array) headers.push('Content-Length', String(body.byteLength));
  return new Promise((resolve, reject) => {
    const client = httpRequest({ host: url.hostname, port: url.port, method: req.method, path: req.target, headers, agent: false });
    client.on('error', reject);
    client.on('response', (res) => {
      const chunks: Buffer[] = [];
      let received = 0;
      let settled = false;
      const finish = (incomplete: boolean): void => {
        if (settled) return;
        settled = true;
        const result: ConformanceResponse = { status: res.statusCode ?? 0, headers: pairs(res.rawHeaders), body: new Uint8Array(Buffer.concat(chunks)) };
        if (res.rawTrailers.length > 0) result.trailers = pairs(res.rawTrailers);
        if (incomplete) result.incomplete = true;
        resolve(result);
      };
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.byteLength;
        if (req.disconnectAfter !== undefined && received >= req.disconnectAfter) {
          client.destroy();
          finish(true);
        }
      });
      res.on('end', () => finish(!res.complete));
      // RFC 9112 §8: the connection closed before the message was complete.
      res.on('aborted', () => finish(true));
      res.on('error', () => finish(true));
      res.on('close', () => finish(!res.complete));
    });
    if (body === undefined || body instanceof Uint8Array) {
      client.end(body === undefined ? undefined : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
      return;
    }
    void (async () => {
      for await (const piece of body) client.write(piece);
      client.end();
    })().catch((error: unknown) => client.destroy(error as Error));
  });
}
