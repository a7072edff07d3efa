// A conformance client over node:http2 (h2c with prior knowledge, or h2 over TLS).
import type { ConformanceRequest, ConformanceResponse } from '@tsgi/conformance';
import type { HeaderList } from '@tsgi/async';
import { connect, type ClientHttp2Session, type OutgoingHttpHeaders } from 'node:http2';
import { once } from 'node:events';

/** One HTTP/2 session to a base URL. */
export interface Http2Client {
  request(req: ConformanceRequest): Promise<ConformanceResponse>;
  close(): void;
}

function pairs(raw: readonly string[], withPseudo = false): HeaderList {
  const list: HeaderList = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? '';
    if (withPseudo || !name.startsWith(':')) list.push([name.toLowerCase(), raw[i + 1] ?? '']);
  }
  return list;
}

/** Connects lazily; a session that dies is replaced at the next request. */
export function createHttp2Client(baseUrl: string, options: { ca?: string | Buffer } = {}): Http2Client {
  let session: ClientHttp2Session | undefined;
  const open = (): ClientHttp2Session => {
    if (session && !session.closed && !session.destroyed) return session;
    session = connect(baseUrl, options.ca ? { ca: options.ca } : {});
    session.on('error', () => undefined);
    return session;
  };
  return {
    close: () => session?.close(),
    request: (req) =>
      new Promise<ConformanceResponse>((resolve, reject) => {
        const headers: OutgoingHttpHeaders = { ':method': req.method, ':path': req.target };
        for (const [name, value] of req.headers ?? []) {
          const key = name.toLowerCase();
          const existing = headers[key];
          headers[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [String(existing)]), value];
        }
        if (req.body instanceof Uint8Array) headers['content-length'] = String(req.body.byteLength);
        const stream = open().request(headers, { endStream: req.body === undefined });
        let status = 0;
        let responseHeaders: HeaderList = [];
        let trailers: HeaderList = [];
        const chunks: Buffer[] = [];
        let size = 0;
        let done = false;
        const finish = (incomplete: boolean): void => {
          if (done) return;
          done = true;
          if (status === 0) {
            reject(new Error('the stream ended before a response'));
            return;
          }
          const response: ConformanceResponse = { status, headers: responseHeaders, body: new Uint8Array(Buffer.concat(chunks)) };
          if (trailers.length > 0) response.trailers = trailers;
          if (incomplete) response.incomplete = true;
          resolve(response);
        };
        stream.on('response', (_headers: unknown, _flags: number, raw: string[]) => {
          status = Number(pairs(raw, true).find(([name]) => name === ':status')?.[1] ?? 0);
          responseHeaders = pairs(raw);
        });
        stream.on('trailers', (_headers: unknown, _flags: number, raw: string[]) => {
          trailers = pairs(raw);
        });
        stream.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.byteLength;
          if (req.disconnectAfter !== undefined && size >= req.disconnectAfter) {
            stream.close();
            finish(true);
          }
        });
        stream.once('end', () => finish(false));
        stream.once('error', (error: Error) => (status === 0 ? ((done = true), reject(error)) : finish(true)));
        stream.once('close', () => finish(stream.rstCode !== 0));
        if (req.body !== undefined && !(req.body instanceof Uint8Array)) {
          const body = req.body;
          void (async () => {
            for await (const chunk of body) if (!stream.write(chunk)) await once(stream, 'drain');
            stream.end();
          })().catch(() => stream.close());
        } else if (req.body) stream.end(req.body);
      }),
  };
}
