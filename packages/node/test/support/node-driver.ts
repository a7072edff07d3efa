// The conformance driver for @tsgi/node alone: toNodeHandler/toNodeUpgradeHandler on a bare
// node:http server (or node:http2's compatibility API), lifespan run by the driver as a host would.
import { createLifespan, type AsyncApp } from '@tsgi/async';
import type { Driver, Served } from '@tsgi/conformance';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { createSocketAdapter, HandshakeDeniedError } from '@tsgi/conformance';
import { toNodeHandler, toNodeUpgradeHandler } from '../../src/index.js';
import { createHttp1Client, headerPairs } from './http1-client.js';

const toConsole = (level: string, message: string, error?: unknown): void => {
  if (level === 'error') console.error(message, ...(error === undefined ? [] : [error]));
};

/** Serves through plain node:http. */
export const nodeHttpDriver: Driver = {
  name: '@tsgi/node on node:http',
  async start(app, { interface: kind }): Promise<Served> {
    const lifespan = createLifespan(app as AsyncApp, { mode: kind === 'async' ? 'auto' : 'off' });
    await lifespan.startup();
    const options = { interface: kind, state: lifespan.state, log: toConsole } as const;
    const server: Server = createServer(toNodeHandler(app, options));
    const upgrade = toNodeUpgradeHandler(app, options);
    server.on('upgrade', upgrade);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = createHttp1Client(url);
    return {
      baseUrl: url,
      request: (req) => client.request(req),
      websocket: (target, wsOptions = {}) => openSocket(url + target, wsOptions.subprotocols ?? [], wsOptions.headers ?? []),
      async stop() {
        client.close();
        await upgrade.closeAll();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
        await lifespan.shutdown();
      },
    };
  },
};

function openSocket(url: string, subprotocols: string[], headers: Array<[string, string]>) {
  return new Promise<Awaited<ReturnType<NonNullable<Served['websocket']>>>>((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), subprotocols, { headers: Object.fromEntries(headers) });
    let handshake: Array<[string, string]> = [];
    ws.on('upgrade', (res) => (handshake = headerPairs(res.rawHeaders)));
    ws.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => reject(new HandshakeDeniedError({ status: res.statusCode ?? 0, headers: headerPairs(res.rawHeaders), body: new Uint8Array(Buffer.concat(chunks)) })));
    });
    ws.once('error', reject);
    ws.once('open', () => {
      ws.on('error', () => undefined);
      const adapter = createSocketAdapter({
        subprotocol: ws.protocol === '' ? null : ws.protocol,
        headers: handshake,
        send: (data) => new Promise<void>((done, fail) => ws.send(data, { binary: typeof data !== 'string' }, (error) => (error ? fail(error) : done()))),
        close: (code, reason) => Promise.resolve(ws.close(code, reason)),
      });
      ws.on('message', (data, isBinary) => adapter.deliver(isBinary ? new Uint8Array(data as Buffer) : (data as Buffer).toString('utf8')));
      ws.on('close', (code, reason) => adapter.end(code, reason.toString('utf8')));
      resolve(adapter.socket);
    });
  });
}
