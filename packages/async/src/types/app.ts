// docs/spec/async.md §2: the app callable.
import type { HTTPReceiveEvent, HTTPScope, HTTPSendEvent } from './http.js';
import type { LifespanReceiveEvent, LifespanScope, LifespanSendEvent } from './lifespan.js';
import type { WebSocketReceiveMessage, WebSocketScope, WebSocketSendMessage } from './websocket.js';

export type Scope = HTTPScope | WebSocketScope | LifespanScope;
export type ReceiveEvent = HTTPReceiveEvent | WebSocketReceiveMessage | LifespanReceiveEvent;
export type SendEvent = HTTPSendEvent | WebSocketSendMessage | LifespanSendEvent;

/** Waits for the next event from the server (async §2.4). */
export type Receive = () => Promise<ReceiveEvent>;
/** Hands an event to the server; resolves once the server has taken it (async §2.4). */
export type Send = (event: SendEvent) => Promise<void>;

/**
 * An async tsgi app, `(scope, receive, send) => Promise<void>` (docs/spec/async.md §2).
 *
 * @example
 * const app: AsyncApp = async (scope, receive, send) => {
 *   if (scope.type !== 'http') return;
 *   await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain']] });
 *   await send({ type: 'http.response.body', body: new TextEncoder().encode('Hello') });
 * };
 */
export type AsyncApp = (scope: Scope, receive: Receive, send: Send) => Promise<void>;
