// toNodeUpgradeHandler: WebSocket upgrades for a tsgi async app, via `ws` in noServer mode.
import { createWebSocketScope, isRequestError, runWebSocket, type AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { guessInterface } from './app-interface.js';
import { HttpError } from './errors.js';
import { NODE_MESSAGES } from './messages.js';
import { resolveOptions } from './options.js';
import type { NodeUpgradeOptions } from './options.js';
import { writeRawResponse } from './refusal.js';
import { requestParts } from './request-parts.js';
import { toAsyncApp } from './sync-app.js';
import { withTls } from './tls/tls-info.js';
import { usableExtensionOffers } from './websocket/extension-offers.js';
import { checkHandshake } from './websocket/handshake.js';
import { createKeepalive } from './websocket/keepalive.js';
import { ServerWebSocket } from './websocket/server-websocket.js';
import { createWebSocketTransport, type AcceptChoice, type WebSocketContext } from './websocket/websocket-transport.js';

/** A node 'upgrade' listener, with a way to close its open connections. */
export type NodeUpgradeHandler = ((req: IncomingMessage, socket: Duplex, head: Buffer) => void) & {
  /** Closes every open WebSocket with 1001 (going away); resolves when all are closed. */
  closeAll(): Promise<void>;
};

const MIB = 1024 * 1024;

/**
 * Serves WebSocket upgrades (RFC 6455) for a tsgi app: the app sees `websocket.connect` before the
 * handshake is answered and decides to accept (with a subprotocol and headers), close or deny.
 *
 * @example
 * const server = createServer(toNodeHandler(app));
 * server.on('upgrade', toNodeUpgradeHandler(app, { pingInterval: 20 }));
 */
export function toNodeUpgradeHandler(app: SyncApp | AsyncApp, options: NodeUpgradeOptions = {}): NodeUpgradeHandler {
  const resolved = resolveOptions(options);
  const kind = options.interface ?? guessInterface(app);
  const asyncApp = kind === 'sync' ? toAsyncApp(app as SyncApp, options, resolved.log) : (app as AsyncApp);
  const choices = new WeakMap<IncomingMessage, AcceptChoice>();
  const wss = new WebSocketServer({
    noServer: true,
    WebSocket: ServerWebSocket,
    clientTracking: false,
    maxPayload: options.maxMessageSize ?? 16 * MIB,
    perMessageDeflate: options.perMessageDeflate ?? false,
    handleProtocols: (_offered, req) => choices.get(req)?.subprotocol ?? false,
  });
  wss.on('headers', (lines, req) => {
    for (const [name, value] of choices.get(req)?.headers ?? []) lines.push(`${name}: ${value}`);
  });
  // async §6.8: denial responses are always on offer; one object for every connection's scope, so
  // runWebSocket need not copy each scope to add it.
  const extensions = Object.assign({ 'websocket.http.response': {} }, resolved.extensions);
  const pingInterval = options.pingInterval ?? 20;
  const pingTimeout = options.pingTimeout ?? 20;
  const context: WebSocketContext = {
    wss,
    choices,
    serverHeader: resolved.serverHeader,
    log: resolved.log,
    active: new Set(),
    keepalive: createKeepalive(pingInterval, pingTimeout, () => resolved.log('info', NODE_MESSAGES.wsPingTimeout(pingTimeout))),
  };
  // Connections whose cycle is still running, counted rather than kept: closeAll waits for none left.
  let running = 0;
  let waiting: Array<() => void> = [];
  const settled = (): void => {
    if (--running > 0) return;
    for (const resolve of waiting) resolve();
    waiting = [];
  };
  const failed = (error: unknown): void => {
    resolved.log('error', 'runWebSocket failed', error);
    settled();
  };

  const deflate = Boolean(options.perMessageDeflate);
  const handler = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const invalid = checkHandshake(req);
    if (invalid) {
      const { status, headers, body } = invalid.toResponse();
      // RFC 6455 §4.4: a version mismatch answers with the versions this server speaks.
      if (status === 426) headers.push(['sec-websocket-version', '13']);
      writeRawResponse(socket as Socket, status, headers, body, resolved.serverHeader);
      return;
    }
    if (deflate && !offerUsableExtensions(req)) {
      const { status, headers, body } = new HttpError(NODE_MESSAGES.badExtensions, { status: 400 }).toResponse();
      writeRawResponse(socket as Socket, status, headers, body, resolved.serverHeader);
      return;
    }
    let scope;
    try {
      scope = createWebSocketScope({
        ...requestParts(req, resolved.trustedProxies),
        rootPath: resolved.rootPath,
        underscoreHeaders: resolved.underscoreHeaders,
        extensions: withTls(extensions, req),
        ...(resolved.state ? { state: resolved.state } : {}),
      });
    } catch (error) {
      if (!isRequestError(error)) throw error;
      const { status, headers, body } = error.toResponse();
      writeRawResponse(socket as Socket, status, headers, body, resolved.serverHeader);
      return;
    }
    running++;
    runWebSocket(asyncApp, scope, createWebSocketTransport(context, req, socket, head)).then(settled, failed);
  };
  const closeAll = (): Promise<void> => {
    for (const connection of context.active) connection.goAway();
    if (running === 0) return Promise.resolve();
    return new Promise((resolve) => waiting.push(resolve));
  };
  return Object.assign(handler, { closeAll });
}

/**
 * Leaves `ws` only the extension offers it can take, so it never refuses a handshake the app has
 * already accepted; false when Sec-WebSocket-Extensions breaks RFC 6455 §9.1's grammar.
 */
function offerUsableExtensions(req: IncomingMessage): boolean {
  const offered = req.headers['sec-websocket-extensions'];
  if (offered === undefined) return true;
  const usable = usableExtensionOffers(offered);
  if (usable === null) return false;
  if (usable === undefined) delete req.headers['sec-websocket-extensions'];
  else req.headers['sec-websocket-extensions'] = usable;
  return true;
}
