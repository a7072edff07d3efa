// Cloudflare Workers: `export default toCloudflareWorker(app)`. WebSockets use WebSocketPair; the
// client address is the CF-Connecting-IP header Cloudflare sets (docs/deploy/fetch-runtimes.md).
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { createHandler } from '../fetch-handler.js';
import { waitUntilContext, type Runtime } from '../internal/runtime.js';
import { portFromStandardSocket, type StandardSocket, type Upgrade } from '../internal/socket-port.js';
import type { FetchHandler, FetchHandlerOptions, WaitUntilContext } from '../types.js';

/** The `export default { fetch }` shape Workers (and `wrangler dev`, Miniflare) call. */
export interface CloudflareWorker<Env = unknown> {
  fetch(request: Request, env: Env, ctx: WaitUntilContext): Promise<Response>;
}

/** Workers' server end of a WebSocketPair: a WHATWG socket plus accept(). */
interface WorkersSocket extends StandardSocket {
  accept(): void;
}
type WebSocketPairConstructor = new () => { 0: WorkersSocket; 1: WorkersSocket };
type HttpProtocol = 'HTTP/1.0' | 'HTTP/1.1' | 'HTTP/2' | 'HTTP/3';

const VERSIONS: Record<HttpProtocol, '1.0' | '1.1' | '2' | '3'> = {
  'HTTP/1.0': '1.0',
  'HTTP/1.1': '1.1',
  'HTTP/2': '2',
  'HTTP/3': '3',
};

const upgrade: Upgrade = (_request, { subprotocol, headers }, events) => {
  const Pair = (globalThis as { WebSocketPair?: WebSocketPairConstructor }).WebSocketPair as WebSocketPairConstructor;
  const { 0: client, 1: server } = new Pair();
  server.accept();
  const fields = new Headers(headers);
  if (subprotocol !== null) fields.set('sec-websocket-protocol', subprotocol);
  // Workers extend ResponseInit with `webSocket`: the 101 hands the client end to the runtime.
  const init = { status: 101, headers: fields, webSocket: client } as ResponseInit;
  return { response: new Response(null, init), port: portFromStandardSocket(server, events, true) };
};

type FixedLengthStreamConstructor = new (length: number) => ReadableWritablePair<Uint8Array, Uint8Array>;

const CLOUDFLARE: Runtime = {
  arrive: (request, env, ctx) => {
    const ip = request.headers.get('cf-connecting-ip');
    const protocol = (request as { cf?: { httpProtocol?: HttpProtocol } }).cf?.httpProtocol;
    return {
      env,
      ctx: waitUntilContext(ctx),
      client: ip === null ? null : [ip, null],
      ...(protocol !== undefined && protocol in VERSIONS && { httpVersion: VERSIONS[protocol] }),
    };
  },
  upgrade,
  // Workers send a plain stream chunked and drop Content-Length; FixedLengthStream keeps it.
  sizedBody: (stream, length) => {
    const Fixed = (globalThis as { FixedLengthStream?: FixedLengthStreamConstructor }).FixedLengthStream;
    return Fixed === undefined ? stream : stream.pipeThrough(new Fixed(length));
  },
};

/**
 * A Workers module for a tsgi app: `env` and `ctx` reach the app as `fetch.platform`, WebSocket
 * routes upgrade through WebSocketPair, and lifespan startup runs before the isolate's first request.
 *
 * @example
 * import { toCloudflareWorker } from '@tsgi/fetch';
 * export default toCloudflareWorker(app);
 */
export function toCloudflareWorker<Env = unknown>(app: SyncApp | AsyncApp, options: FetchHandlerOptions = {}): CloudflareWorker<Env> & { fetch: FetchHandler } {
  return { fetch: createHandler(app, options, CLOUDFLARE) as FetchHandler };
}
