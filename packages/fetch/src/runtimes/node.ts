// Node servers that speak Request/Response (srvx, @hono/node-server, a node:http bridge). Node has
// no standard upgrade for Fetch handlers, so WebSockets need @tsgi/node instead.
import type { Address, AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { createHandler } from '../fetch-handler.js';
import { waitUntilContext, type Runtime } from '../internal/runtime.js';
import type { FetchHandler, FetchHandlerOptions } from '../types.js';

/** Where Node Fetch servers keep the socket: srvx's `request.ip`, @hono/node-server's `env.incoming`. */
interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string; remotePort?: number } };
}

const NODE: Runtime = {
  arrive: (request, env, ctx) => ({ env, ctx: waitUntilContext(ctx), client: clientOf(request, env as NodeBindings | undefined) }),
};

function clientOf(request: Request, env: NodeBindings | undefined): Address | null {
  const socket = env?.incoming?.socket;
  if (socket?.remoteAddress !== undefined) return [socket.remoteAddress, socket.remotePort ?? null];
  const ip = (request as { ip?: unknown }).ip;
  return typeof ip === 'string' ? [ip, null] : null;
}

/**
 * A Fetch handler for Node servers; the client address comes from srvx (`request.ip`) or
 * @hono/node-server (`env.incoming.socket`).
 *
 * @example
 * import { serve } from 'srvx';
 * serve({ port: 3000, fetch: toNodeFetchHandler(app) });
 */
export function toNodeFetchHandler(app: SyncApp | AsyncApp, options: FetchHandlerOptions = {}): FetchHandler {
  return createHandler(app, options, NODE) as FetchHandler;
}
