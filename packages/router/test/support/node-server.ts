// Serves a router on a real node:http server on 127.0.0.1 through @tsgi/node, as `tsgi serve` does: the
// async interface with lifespan run by the host and WebSocket upgrades, or the sync interface. Plus a
// raw HTTP/1.1 client over node:net, for requests fetch() would normalise (dot-segments, '*').
import { createLifespan } from '@tsgi/async';
import { toNodeHandler, toNodeUpgradeHandler } from '@tsgi/node';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Router } from '../../src/index.js';
import type { Interface } from './matrix.js';

/** A router being served. */
export interface Served {
  origin: string;
  port: number;
  /** Stops the server, then runs lifespan shutdown (async). */
  close(): Promise<void>;
}

// @tsgi/node logs app errors through this; a test that expects one spies on console.error.
const log = (level: string, message: string, error?: unknown): void => {
  if (level === 'error') console.error(message, ...(error === undefined ? [] : [error]));
};

/** Serves `router.sync` or `router.async` on 127.0.0.1 and a free port. */
export async function serveRouter(router: Router, iface: Interface): Promise<Served> {
  const app = router[iface];
  // The sync interface has no lifespan protocol: the router runs its startup hooks itself.
  const lifespan = iface === 'async' ? createLifespan(router.async, { mode: 'on' }) : null;
  await lifespan?.startup();
  const options = { interface: iface, log, ...(lifespan && { state: lifespan.state }) } as const;
  const server = createServer(toNodeHandler(app, options));
  const upgrade = iface === 'async' ? toNodeUpgradeHandler(app, options) : null;
  if (upgrade) server.on('upgrade', upgrade);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    async close() {
      await upgrade?.closeAll();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await lifespan?.shutdown();
    },
  };
}

/** What a raw request got back. */
export interface RawResponse {
  status: number;
  head: string;
  body: string;
}

/**
 * Sends `head` (request line and headers, without the blank line) byte for byte on a new connection
 * and reads the response until the server closes it.
 */
export function rawRequest(port: number, head: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      resolve({ status: Number(text.slice(9, 12)), head: text.slice(0, split), body: text.slice(split + 4) });
    });
    socket.end(`${head}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'latin1');
  });
}
