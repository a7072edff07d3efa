// A minimal node:http ⇄ Fetch bridge, standing in for a Node server that speaks Request/Response
// (srvx, @hono/node-server): it passes `{ incoming, outgoing }` as env, as @hono/node-server does.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

type Handler = (request: Request, env: { incoming: IncomingMessage; outgoing: ServerResponse }) => Promise<Response>;

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = { method: req.method ?? 'GET', headers, signal };
  if (hasBody) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, init);
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const head: string[] = [];
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') head.push(name, value);
  });
  for (const cookie of response.headers.getSetCookie()) head.push('set-cookie', cookie);
  res.writeHead(response.status, head);
  if (response.body === null) {
    res.end();
    return;
  }
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (!res.write(chunk)) await once(res, 'drain');
  }
  res.end();
}

/** Serves `handler` on 127.0.0.1 (a free port); resolves with its URL and a close function. */
export async function serveFetch(handler: Handler): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const controller = new AbortController();
    // The client went away before the response finished: Fetch's request.signal aborts.
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    handler(toRequest(req, controller.signal), { incoming: req, outgoing: res })
      .then((response) => writeResponse(response, res))
      // A body that failed mid-way: close after what was written, so the client sees it cut short.
      .catch(() => {
        if (!res.headersSent) return res.destroy();
        res.flushHeaders();
        res.socket?.end();
      });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
