// The listeners one server attaches: requests (guarded, counted), upgrades, and parser errors.
import type { LogFn, State } from '@tsgi/async';
import { HttpError, isWebSocketUpgrade, toNodeHandler, toNodeUpgradeHandler, writeRawResponse, writeRefusal, type NodeRequest, type NodeResponse } from '@tsgi/node';
import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { Activity } from './activity.js';
import type { ServerConfig } from './config/server-config.js';
import type { DetectedApp } from './detect-interface.js';
import { notePeer, type AccessLog } from './logging/access-log.js';
import { createClientErrorHandler } from './protocol/client-error.js';
import { PROTOCOL_MESSAGES } from './protocol/messages.js';
import { createRequestGuard } from './protocol/request-guard.js';

/** The value of the Server header this server sends. */
export const SERVER_HEADER = 'tsgi';

/** Everything a listener needs attached, plus what shutdown needs to see. */
export interface Handlers {
  request: (req: NodeRequest, res: NodeResponse) => void;
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  clientError: ReturnType<typeof createClientErrorHandler>;
  /** A request whose Expect is not 100-continue: 417, naming the rule (node's own 417 has no body). */
  expectation: (req: NodeRequest, res: NodeResponse) => void;
  /** CONNECT gets 501: node hands it over as a raw socket (HTTP/1.x) or a response (HTTP/2). */
  connect: (req: IncomingMessage | NodeRequest, socket: Duplex | NodeResponse) => void;
  activity: Activity;
  /** From now on responses say Connection: close and new WebSockets are refused. */
  drain: () => void;
  /** Closes every open WebSocket with 1001. */
  closeWebSockets: () => Promise<void>;
}

/** Builds the handlers once from the resolved config (nothing here parses options per request). */
export function createHandlers(detected: DetectedApp, config: ServerConfig, log: LogFn, accessLog: AccessLog | null, state: State): Handlers {
  const serverHeader = config.serverHeader ? SERVER_HEADER : null;
  const shared = {
    interface: detected.interface,
    rootPath: config.rootPath,
    underscoreHeaders: config.headerUnderscores,
    ...(config.proxyHeaders ? { trustedProxies: config.forwardedAllowIps } : {}),
    state,
    serverHeader,
    log,
  };
  const activity = new Activity();
  // HTTP/1.x responses in progress: when draining begins, those whose head is not out yet say
  // Connection: close too, so their keep-alive clients do not send another request (gunicorn#2313).
  const unsent = new Set<ServerResponse>();
  const handle = toNodeHandler(detected.app, {
    ...shared,
    bodyLimit: config.limitBody,
    bodyTimeout: config.timeoutBody,
    minBodyRate: config.minBodyRate,
    spoolThreshold: config.spoolThreshold,
    onExchange: (req, record, res) => {
      activity.leave();
      unsent.delete(res as ServerResponse);
      accessLog?.(req, record);
    },
  });
  const upgradeWebSocket = toNodeUpgradeHandler(detected.app, {
    ...shared,
    maxMessageSize: config.wsMaxSize,
    pingInterval: config.wsPingInterval,
    pingTimeout: config.wsPingTimeout,
    perMessageDeflate: config.wsPerMessageDeflate,
  });
  const guard = createRequestGuard(config);
  const limit = config.limitConcurrency;
  let draining = false;

  const refuse = (req: NodeRequest, res: NodeResponse, error: HttpError, extra: Array<[string, string]> = []): void => {
    log('info', `${error.message} (${req.method ?? '-'} from ${req.socket?.remoteAddress ?? 'unknown'})`);
    const bytes = writeRefusal(res, error, { serverHeader, headers: extra });
    accessLog?.(req, { status: error.status, bytes, completed: true, started: performance.now() });
  };

  const request = (req: NodeRequest, res: NodeResponse): void => {
    if (accessLog && req.httpVersion === '2.0') notePeer(req);
    const refusal = guard(req);
    if (refusal) return refuse(req, res, refusal);
    if (limit > 0 && activity.count >= limit) {
      return refuse(req, res, new HttpError(PROTOCOL_MESSAGES.overloaded(limit), { status: 503 }), [['retry-after', '1']]);
    }
    // handle()'s onExchange leaves, whether the app ran or the request was refused before it.
    activity.enter();
    if (draining && req.httpVersion !== '2.0') (res as ServerResponse).setHeader('connection', 'close');
    else if (req.httpVersion !== '2.0') unsent.add(res as ServerResponse);
    handle(req as IncomingMessage, res as ServerResponse);
  };

  // RFC 9110 §10.1.1: expectation names are case-insensitive, but node's HTTP/2 layer matches
  // '100-continue' exactly, so an h2 '100-Continue' arrives here and is still honoured.
  const expectation = (req: NodeRequest, res: NodeResponse): void => {
    const value = req.headers.expect ?? '';
    if (value.toLowerCase() === '100-continue') return request(req, res);
    refuse(req, res, new HttpError(PROTOCOL_MESSAGES.expectationFailed(value), { status: 417 }));
  };

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (!isWebSocketUpgrade(req)) return plainOverUpgrade(req, socket, head);
    const refusal = guard(req) ?? (limit > 0 && activity.count >= limit ? new HttpError(PROTOCOL_MESSAGES.overloaded(limit), { status: 503 }) : null);
    if (refusal || draining) {
      const error = refusal ?? new HttpError(PROTOCOL_MESSAGES.overloaded(0), { status: 503 });
      const { status, headers, body } = error.toResponse();
      log('info', error.message);
      writeRawResponse(socket as Socket, status, headers, body, serverHeader);
      return;
    }
    activity.enter();
    socket.once('close', () => activity.leave());
    upgradeWebSocket(req, socket, head);
  };

  /**
   * RFC 9110 §7.8: a server may ignore Upgrade (e.g. h2c from `curl --http2`). node hands such a
   * request over as an upgrade, so it is answered here, once, on a response of its own.
   */
  const plainOverUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const hasBody = head.byteLength > 0 || req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (hasBody) {
      const error = new HttpError(PROTOCOL_MESSAGES.upgradeUnsupported(req.headers.upgrade ?? ''), { status: 400 });
      const { status, headers, body } = error.toResponse();
      writeRawResponse(socket as Socket, status, headers, body, serverHeader);
      return;
    }
    const res = new ServerResponse(req);
    res.shouldKeepAlive = false;
    res.assignSocket(socket as Socket);
    res.once('finish', () => (socket as Socket).end());
    request(req, res);
  };

  const clientError = createClientErrorHandler({ log, serverHeader, timeoutHeaders: config.timeoutHeaders, limitRequestLine: config.limitRequestLine });
  const connect = (req: IncomingMessage | NodeRequest, socket: Duplex | NodeResponse): void => {
    const error = new HttpError(PROTOCOL_MESSAGES.connectUnsupported, { status: 501 });
    // Over HTTP/2 node's own answer would be a 405 without the Allow field RFC 9110 §15.5.6 requires.
    if ('stream' in socket) return refuse(req, socket, error);
    log('info', `${error.message} (${req.url ?? ''})`);
    const { status, headers, body } = error.toResponse();
    writeRawResponse(socket as Socket, status, headers, body, serverHeader);
  };

  return {
    request,
    expectation,
    upgrade,
    clientError,
    connect,
    activity,
    drain: () => {
      draining = true;
      for (const res of unsent) if (!res.headersSent) res.setHeader('connection', 'close');
      unsent.clear();
    },
    closeWebSockets: () => upgradeWebSocket.closeAll(),
  };
}
