// Bun: `Bun.serve({ port, ...toBunServe(app) })` or `export default toBunServe(app)`. Bun upgrades
// in server.upgrade() and reports socket events to one `websocket` handler object, so each
// socket carries its session's events in `ws.data`.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { createHandler } from '../fetch-handler.js';
import type { Runtime } from '../internal/runtime.js';
import type { SocketEvents, SocketPort, Upgrade } from '../internal/socket-port.js';
import type { FetchHandlerOptions, FetchHandler } from '../types.js';

/** The members of Bun's Server the adapter uses. */
export interface BunServer {
  // Bun's own typing requires `data`; headers are declared locally because `HeadersInit` is DOM-only
  // and would break Node users' builds that check library types.
  upgrade(request: Request, options: { data: BunSocketLink; headers?: Headers | Array<[string, string]> | Record<string, string> }): boolean;
  requestIP(request: Request): { address: string; port: number } | null;
}

/** The members of Bun's ServerWebSocket the adapter uses; `data` is the adapter's own. */
export interface BunSocket {
  readonly data: BunSocketLink;
  send(data: string | Uint8Array): number;
  close(code?: number, reason?: string): void;
}

/** What ties a Bun socket to its session (opaque to apps). */
export interface BunSocketLink {
  socket: BunSocket | undefined;
  readonly events: SocketEvents;
  drained: (() => void) | undefined;
}

/** Bun.serve's `websocket` option, as toBunServe fills it. */
export interface BunWebSocketHandler {
  open(ws: BunSocket): void;
  message(ws: BunSocket, message: string | Uint8Array): void;
  close(ws: BunSocket, code: number, reason: string): void;
  drain(ws: BunSocket): void;
}

const CLOSED_PORT: SocketPort = { send: () => undefined, close: () => undefined };

const upgrade: Upgrade = (request, { subprotocol, headers }, events, arrival) => {
  const link: BunSocketLink = { socket: undefined, events, drained: undefined };
  const fields = new Headers(headers);
  if (subprotocol !== null) fields.set('sec-websocket-protocol', subprotocol);
  if (!(arrival.server as BunServer).upgrade(request, { data: link, headers: fields })) {
    events.ended(1006, '');
    return { response: new Response('Bad Request: not a WebSocket handshake\n', { status: 400 }), port: CLOSED_PORT };
  }
  const port: SocketPort = {
    // Bun: -1 means queued under backpressure; `drain` fires once the queue empties.
    send: (data) => (link.socket?.send(data) === -1 ? new Promise<void>((resolve) => (link.drained = resolve)) : undefined),
    close: (code, reason) => link.socket?.close(code, reason),
  };
  return { response: undefined, port };
};

const websocket: BunWebSocketHandler = {
  open: (ws) => {
    ws.data.socket = ws;
    ws.data.events.opened();
  },
  message: (ws, message) => {
    // Bun hands binary frames over as Buffer; apps get a plain Uint8Array view of the same bytes.
    ws.data.events.received(typeof message === 'string' ? message : new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
  },
  close: (ws, code, reason) => ws.data.events.ended(code, reason),
  drain: (ws) => {
    const drained = ws.data.drained;
    ws.data.drained = undefined;
    drained?.();
  },
};

const BUN: Runtime = {
  arrive: (_request, server) => ({ env: undefined, ctx: undefined, client: null, server }),
  // requestIP costs about 2 µs a call here, and is not kept: only an app reading scope.client pays.
  client: (request, { server }) => {
    const remote = (server as BunServer | undefined)?.requestIP(request);
    return remote ? [remote.address, remote.port] : null;
  },
  lazyScope: true,
  upgrade,
  framesWholeBody: true,
};

/**
 * Bun.serve options for a tsgi app: `fetch` and the `websocket` handlers WebSocket routes need.
 *
 * @example
 * Bun.serve({ port: 3000, ...toBunServe(app) });
 */
export function toBunServe(app: SyncApp | AsyncApp, options: FetchHandlerOptions = {}): {
  fetch: ((request: Request, server: BunServer) => Promise<Response | undefined>) & Pick<FetchHandler, 'startup' | 'shutdown'>;
  websocket: BunWebSocketHandler;
} {
  return { fetch: createHandler(app, options, BUN), websocket };
}
