// The reference host's WebSocket side: createWebSocketScope + runWebSocket over two in-memory
// queues, with the client end exposed as a ConformanceSocket.
import { type AsyncApp, type HeaderList, type State, type WebSocketTransport, createWebSocketScope, runWebSocket } from '@tsgi/async';
import { deferred } from '../_internal/deferred.js';
import { Queue } from '../_internal/queue.js';
import type { ConformanceSocket, WebSocketOptions } from '../driver.js';
import { HandshakeDeniedError } from '../errors.js';
import { lowerNames } from './request-body.js';

type Message = string | Uint8Array;
type CloseInfo = { code: number; reason: string };

const copy = (data: Message): Message => (typeof data === 'string' ? data : data.slice());

function handshakeHeaders(options: WebSocketOptions): HeaderList {
  // RFC 6455 §4.1: the client's opening handshake.
  const headers: HeaderList = [
    ['host', 'reference.test'],
    ['upgrade', 'websocket'],
    ['connection', 'Upgrade'],
    ['sec-websocket-key', 'dGhlIHNhbXBsZSBub25jZQ=='],
    ['sec-websocket-version', '13'],
  ];
  if (options.subprotocols?.length) headers.push(['sec-websocket-protocol', options.subprotocols.join(', ')]);
  return [...headers, ...(options.headers ?? [])];
}

/** Opens a WebSocket to an async app in memory. */
export function openWebSocket(app: AsyncApp, state: State, target: string, options: WebSocketOptions = {}): Promise<ConformanceSocket> {
  const scope = createWebSocketScope({ target, headers: handshakeHeaders(options), client: ['127.0.0.1', 50001], server: ['127.0.0.1', 80], state });
  const toApp = new Queue<Message>();
  const toClient = new Queue<Message>();
  const connectionClosed = deferred<CloseInfo>(); // what runWebSocket learns
  const clientClosed = deferred<CloseInfo>(); // what the client learns
  const handshake = deferred<ConformanceSocket>();

  const closeBoth = (info: CloseInfo): void => {
    toApp.end();
    toClient.end();
    connectionClosed.resolve(info);
    // RFC 6455 §5.5.1: the other side answers a close frame, echoing its code.
    clientClosed.resolve(info);
  };

  const socket = (subprotocol: string | null, headers: HeaderList): ConformanceSocket => ({
    subprotocol,
    headers,
    send: (data) => {
      if (toApp.ended) return Promise.reject(new Error('reference client: the connection is closed'));
      toApp.push(copy(data));
      return Promise.resolve();
    },
    receive: () => toClient.shift(),
    close: (code, reason) => {
      closeBoth({ code, reason });
      return Promise.resolve();
    },
    closed: clientClosed.promise,
  });

  const transport: WebSocketTransport = {
    accept: (subprotocol, headers) => {
      handshake.resolve(socket(subprotocol, lowerNames(headers)));
      return Promise.resolve();
    },
    send: (data) => {
      if (toClient.ended) return Promise.reject(new Error('reference host: the connection is closed'));
      toClient.push(copy(data));
      return Promise.resolve();
    },
    close: (code, reason) => {
      closeBoth({ code, reason });
      return Promise.resolve();
    },
    deny: (status, headers, body) => {
      handshake.reject(new HandshakeDeniedError({ status, headers: lowerNames(headers), body: body.slice() }));
      connectionClosed.resolve({ code: 1006, reason: '' });
      return Promise.resolve();
    },
    messages: toApp,
    closed: connectionClosed.promise,
  };
  runWebSocket(app, scope, transport).then(
    () => handshake.reject(new Error('reference host: the app returned without answering the handshake')),
    (error: unknown) => handshake.reject(error),
  );
  return handshake.promise;
}
