// The WebSocket a route handler gets (async interface only, docs/spec/async.md §4); part of the
// opt-in '@tsgi/router/websocket'.
import type { Receive, Send, WebSocketScope } from '@tsgi/async';
import { RouterError, messages } from '../errors.js';
import { type HeadersInit, toHeaders } from '../headers.js';
import { encode } from '../internal/bytes.js';
import type { RouterRequest } from '../request/request.js';

/** A message from the client: text or bytes. */
export type WebSocketMessage = string | Uint8Array;

/**
 * A WebSocket connection. It accepts itself on the first `send` or `receive` unless `accept` (to
 * pick a subprotocol) or `reject` came first. Iterating it yields messages until the client leaves.
 *
 * @example
 * router.ws('/echo', async (socket) => {
 *   await socket.accept({ subprotocol: socket.subprotocols.includes('v2') ? 'v2' : null });
 *   for await (const message of socket) await socket.send(message);
 * });
 */
export class RouterWebSocket<P = Record<string, string | undefined>> {
  /** 'connecting' until accepted or rejected, 'open', then 'closed'. */
  state: 'connecting' | 'open' | 'closed' = 'connecting';
  /** How the connection closed, once it has. */
  closeCode: number | null = null;
  closeReason = '';
  /** The params the route captured. */
  readonly params: P;
  /** The subprotocols the client offered, in its order of preference. */
  readonly subprotocols: string[];
  #connected: Promise<void> | null = null;
  readonly #receive: Receive;
  readonly #send: Send;

  constructor(
    /** The handshake as a request (headers, query, cookies, params); it has no body. */
    readonly request: RouterRequest<P>,
    /** The raw scope. */
    readonly scope: WebSocketScope,
    receive: Receive,
    send: Send,
  ) {
    this.params = request.params;
    this.subprotocols = scope.subprotocols;
    this.#receive = receive;
    this.#send = send;
  }

  // async §4.2: the first event is websocket.connect; a client that already left sends disconnect.
  // With `what`, it throws unless the socket still waits to be accepted or rejected.
  async #connect(what?: string): Promise<void> {
    await (this.#connected ??= this.#receive().then((event) => {
      if (event.type === 'websocket.disconnect') this.#closed(event.code, event.reason);
    }));
    if (what && this.state !== 'connecting') throw new RouterError(messages.badValue(`WebSocket ${what} when ${this.state}`), { code: 'websocket' });
  }

  #closed(code: number, reason: string): void {
    this.state = 'closed';
    this.closeCode = code;
    this.closeReason = reason;
  }

  /** Accepts the connection, optionally choosing one of `subprotocols` and adding headers. */
  async accept({ subprotocol = null, headers }: { subprotocol?: string | null; headers?: HeadersInit } = {}): Promise<void> {
    await this.#connect('accept()');
    // async §4.3: the subprotocol must be one the client offered.
    if (subprotocol !== null && !this.subprotocols.includes(subprotocol)) {
      throw new RouterError(messages.badValue(`subprotocol '${subprotocol}': the client did not offer it`), { code: 'websocket' });
    }
    this.state = 'open';
    await this.#send({ type: 'websocket.accept', subprotocol, headers: toHeaders(headers).list });
  }

  /**
   * Refuses the handshake with an HTTP response (the websocket.http.response extension, async
   * §6.8); without the extension the server answers 403.
   */
  async reject(status = 403, body: string | Uint8Array = '', headers?: HeadersInit): Promise<void> {
    await this.#connect('reject()');
    this.state = 'closed';
    if (!this.scope.extensions?.['websocket.http.response']) return this.#send({ type: 'websocket.close' });
    const list = toHeaders(headers);
    if (typeof body === 'string') {
      if (!list.has('content-type')) list.set('content-type', 'text/plain; charset=utf-8');
      body = encode(body);
    }
    await this.#send({ type: 'websocket.http.response.start', status, headers: list.list });
    await this.#send({ type: 'websocket.http.response.body', body });
  }

  /** Sends a text or binary message. */
  async send(data: WebSocketMessage): Promise<void> {
    if (this.state === 'connecting') await this.accept();
    await this.#send({ type: 'websocket.send', ...(typeof data === 'string' ? { text: data } : { bytes: data }) });
  }

  /** Sends a value as a JSON text message. */
  sendJson(data: unknown): Promise<void> {
    return this.send(JSON.stringify(data));
  }

  /** The next message, or null once the client has disconnected. */
  async receive(): Promise<WebSocketMessage | null> {
    if (this.state === 'connecting') await this.accept();
    while (this.state === 'open') {
      const event = await this.#receive();
      if (event.type === 'websocket.receive') return event.text ?? event.bytes ?? '';
      if (event.type === 'websocket.disconnect') this.#closed(event.code, event.reason);
    }
    return null;
  }

  /** Closes the connection (RFC 6455 §7.4 code); before accept, the server answers 403. */
  async close(code = 1000, reason = ''): Promise<void> {
    await this.#connect();
    if (this.state === 'closed') return;
    this.#closed(code, reason);
    await this.#send({ type: 'websocket.close', code, reason });
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<WebSocketMessage, void> {
    for (let message = await this.receive(); message !== null; message = await this.receive()) yield message;
  }
}
