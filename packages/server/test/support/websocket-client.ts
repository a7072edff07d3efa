// A conformance WebSocket over the real `ws` client.
import { createSocketAdapter, HandshakeDeniedError, type ConformanceSocket, type WebSocketOptions } from '@tsgi/conformance';
import WebSocket from 'ws';
import { headerPairs } from '../../../node/test/support/http1-client.js';

/**
 * Opens a WebSocket to `baseUrl` + `target`; a denied handshake rejects with HandshakeDeniedError.
 *
 * @example
 * const socket = await openWebSocket('http://127.0.0.1:8000', '/ws', { subprotocols: ['v1'] });
 */
export function openWebSocket(baseUrl: string, target: string, options: WebSocketOptions = {}, tls: { ca?: string | Buffer } = {}): Promise<ConformanceSocket> {
  const url = baseUrl.replace(/^http/, 'ws') + target;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of options.headers ?? []) headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    const ws = new WebSocket(url, options.subprotocols ?? [], { headers, ...(tls.ca ? { ca: tls.ca } : {}) });
    let handshake: [string, string][] = [];
    ws.on('upgrade', (res) => {
      handshake = headerPairs(res.rawHeaders);
    });
    ws.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => reject(new HandshakeDeniedError({ status: res.statusCode ?? 0, headers: headerPairs(res.rawHeaders), body: new Uint8Array(Buffer.concat(chunks)) })));
      res.on('error', reject);
    });
    ws.once('error', reject);
    ws.once('open', () => {
      ws.off('error', reject);
      ws.on('error', () => undefined);
      const { socket, deliver, end } = createSocketAdapter({
        subprotocol: ws.protocol === '' ? null : ws.protocol,
        headers: handshake,
        send: (data) => new Promise<void>((done, fail) => ws.send(data, { binary: typeof data !== 'string' }, (error) => (error ? fail(error) : done()))),
        close: (code, reason) => {
          ws.close(code, reason);
          return Promise.resolve();
        },
      });
      ws.on('message', (data, isBinary) => deliver(isBinary ? new Uint8Array(data as Buffer) : (data as Buffer).toString('utf8')));
      ws.on('close', (code, reason) => end(code, reason.toString('utf8')));
      resolve(socket);
    });
  });
}
