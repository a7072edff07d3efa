// A conformance WebSocket client over the `ws` package; a denied handshake rejects with
// HandshakeDeniedError carrying the HTTP response.
import type { HeaderList } from '@tsgi/async';
import { HandshakeDeniedError, type ConformanceSocket, type WebSocketOptions } from '@tsgi/conformance';
import WebSocket from 'ws';

/** Opens `target` on the server at `baseUrl` (http:// is turned into ws://). */
export function openSocket(baseUrl: string, target: string, options: WebSocketOptions = {}): Promise<ConformanceSocket> {
  const url = baseUrl.replace(/^http/, 'ws') + target;
  const ws = new WebSocket(url, options.subprotocols ?? [], { headers: Object.fromEntries(options.headers ?? []), perMessageDeflate: false });
  const inbox: Array<string | Uint8Array> = [];
  const waiting: Array<{ resolve: (data: string | Uint8Array) => void; reject: (error: Error) => void }> = [];
  let handshakeHeaders: HeaderList = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => {
      for (const waiter of waiting.splice(0)) waiter.reject(new Error(`the connection closed (${code})`));
      resolve({ code, reason: reason.toString('utf8') });
    });
  });
  ws.on('message', (data: Buffer, isBinary) => {
    const message = isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data.toString('utf8');
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(message);
    else inbox.push(message);
  });
  ws.on('upgrade', (res) => {
    handshakeHeaders = [];
    for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) handshakeHeaders.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
  });
  return new Promise((resolve, reject) => {
    ws.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers: HeaderList = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
        reject(new HandshakeDeniedError({ status: res.statusCode ?? 0, headers, body: new Uint8Array(Buffer.concat(chunks)) }));
        ws.terminate();
      });
    });
    ws.on('error', reject);
    ws.on('open', () => {
      ws.off('error', reject);
      ws.on('error', () => undefined);
      resolve({
        subprotocol: ws.protocol === '' ? null : ws.protocol,
        headers: handshakeHeaders,
        send: (data) => new Promise<void>((done, fail) => ws.send(data, (error) => (error ? fail(error) : done()))),
        receive: () => {
          const next = inbox.shift();
          if (next !== undefined) return Promise.resolve(next);
          if (ws.readyState !== WebSocket.OPEN) return Promise.reject(new Error('the connection is closed'));
          return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
        },
        close: (code, reason) => {
          ws.close(code, reason);
          return Promise.resolve();
        },
        closed,
      });
    });
  });
}
