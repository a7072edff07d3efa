// The least a node:http host must do to run an async tsgi app, and nothing else: no validation, no
// error handling, no flow control. Its req/s is the ceiling of the async contract on node:http: what
// no conforming host can beat, because every one does at least this (docs/spec/async.md §3).
// Served by bare-async-host.ts; split out so its test can check its answers in-process.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AsyncApp, HTTPReceiveEvent, HTTPResponseBodyEvent, HTTPScope, HeaderList, Receive, Send } from '@tsgi/async';
import { bareScope } from '../apps/bare-parts.js';

const RESOLVED = Promise.resolve();
const DISCONNECT: HTTPReceiveEvent = { type: 'http.disconnect' };

// async §3.2: one event per piece read, moreBody until the parser has the whole message (a request
// without a body gets one empty event); after the body, async §3.3: disconnect once the response is done.
function bodyOf(req: IncomingMessage, res: ServerResponse): Receive {
  let finished = false;
  return () => {
    if (finished) return res.closed ? Promise.resolve(DISCONNECT) : new Promise((resolve) => res.once('close', () => resolve(DISCONNECT)));
    return new Promise((resolve) => {
      const pull = (): void => {
        const chunk = req.read() as Buffer | null;
        if (chunk === null && !req.complete) {
          req.once('readable', pull);
          return;
        }
        finished = req.complete && req.readableLength === 0;
        resolve({ type: 'http.request', body: chunk ?? new Uint8Array(0), moreBody: !finished });
      };
      pull();
    });
  };
}

// async §3.4/§3.5: remember the start; a single final body is one writeHead + end, as node-http.ts does.
function responderOf(res: ServerResponse): Send {
  let status = 200;
  const headers: string[] = [];
  let started = false;
  return (event) => {
    if (event.type === 'http.response.start') {
      status = event.status;
      // node's writeHead takes [name, value, name, value, ...] as it is, with no object to build.
      for (const [name, value] of event.headers ?? []) headers.push(name, value);
      return RESOLVED;
    }
    const { body, moreBody } = event as HTTPResponseBodyEvent;
    if (!started) {
      started = true;
      res.writeHead(status, headers);
      if (moreBody !== true) {
        res.end(body);
        return RESOLVED;
      }
    }
    if (body !== undefined) res.write(body);
    if (moreBody !== true) res.end();
    return RESOLVED;
  };
}

/**
 * A node:http request listener running `app` with the bare minimum of the async contract.
 *
 * @example
 * createServer(toBareListener(app)).listen(8000, '127.0.0.1');
 */
export function toBareListener(app: AsyncApp): RequestListener {
  return (req, res) => {
    const raw = req.rawHeaders;
    const headers: HeaderList = [];
    for (let i = 0; i < raw.length; i += 2) headers.push([(raw[i] as string).toLowerCase(), raw[i + 1] as string]);
    const { socket } = req;
    const scope = bareScope({
      method: req.method as string,
      httpVersion: req.httpVersion as HTTPScope['httpVersion'],
      target: req.url ?? '/',
      headers,
      client: [socket.remoteAddress as string, socket.remotePort as number],
      server: [socket.localAddress as string, socket.localPort as number],
    });
    // The bench's app never throws; if it did, the unhandled rejection would stop the process loudly.
    void app(scope, bodyOf(req, res), responderOf(res));
  };
}
