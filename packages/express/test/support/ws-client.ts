// A conformance WebSocket client over the `ws` package: a denied handshake rejects with
// HandshakeDeniedError carrying the HTTP response.
import type { HeaderList } from '@tsgi/async';
import { createSocketAdapter, HandshakeDeniedError, type ConformanceSocket, type WebSocketOptions } from '@tsgi/conformance';
import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';

const lowerPairs = (raw: string[]): HeaderList => {
  const out: HeaderList = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  return out;
};

/** Opens `url` (ws://...) and resolves once the handshake is answered. */
export function openSocket(url: string, options: WebSocketOptions = {}): Promise<ConformanceSocket> {
  const ws = new WebSocket(url, options.subprotocols ?? [], { headers: Object.fromEntries(options.headers ?? []), perMessageDeflate: false });
  let handshake: HeaderList = [];
  ws.on('upgrade', (res: IncomingMessage) => {
    handshake = lowerPairs(res.rawHeaders);
  });
  return new Promise((resolve, reject) => {
    ws.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        reject(new HandshakeDeniedError({ status: res.statusCode ?? 0, headers: lowerPairs(res.rawHeaders), body: new Uint8Array(Buffer.concat(chunks)) }));
        ws.terminate();
      });
    });
    ws.on('error', reject);
    ws.on('open', () => {
      ws.off('error', reject);
      ws.on('error', () => undefined);
      const { socket, deliver, end } = createSocketAdapter({
        subprotocol: ws.protocol === '' ? null : ws.protocol,
        headers: handshake,
        send: (data) => new Promise<void>((done, fail) => ws.send(data, (error) => (error ? fail(error) : done()))),
        close: (code, reason) => {
          ws.close(code, reason);
          return Promise.resolve();
        },
      });
      ws.on('message', (data: Buffer, isBinary) => deliver(isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice() : data.toString('utf8')));
      ws.on('close', (code, reason) => end(code, reason.toString('utf8')));
      resolve(socket);
    });
  });
}
