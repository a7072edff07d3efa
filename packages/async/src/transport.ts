// What a host supplies to runHttp and runWebSocket: its connection, reduced to a few calls.
import { console } from './internal/runtime.js';
import type { HeaderList } from './types/common.js';

/** How loud a log line is. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Where a cycle reports app errors and spec violations. @default errors and warnings to the console */
export type LogFn = (level: LogLevel, message: string, error?: unknown) => void;

/**
 * One HTTP request/response as the host sees it; runHttp drives it (async §3.6).
 *
 * @example
 * const transport: HttpTransport = {
 *   read: () => body.next(), closed: socketClosed,
 *   start: (status, headers) => res.writeHead(status, headers.flat()),
 *   write: (chunk) => writeWithBackpressure(res, chunk), end: async () => res.end(),
 *   abort: (error) => res.destroy(error as Error),
 * };
 */
export interface HttpTransport {
  /** The next request body chunk, or null at the end of the body. */
  read(): Promise<Uint8Array | null>;
  /** Resolves when the client disconnects. */
  closed: Promise<void>;
  /**
   * Preferred over `closed` when present: runHttp hands over a listener, once, before anything else,
   * and the host calls it when the client disconnects. A host that has one per request spares a
   * promise and its reactions on every exchange.
   */
  onClose?(listener: () => void): void;
  /**
   * Sends the status line and headers. `trailers` says trailers follow the body: an HTTP/1.1 host then
   * uses chunked coding and sends no content-length (async §6.1).
   */
  start(status: number, headers: HeaderList, info: { trailers: boolean }): void | Promise<void>;
  /**
   * Writes a body chunk; resolves when the host can take more (backpressure). `final` says the
   * response ends right after this chunk (no more body, no trailers), so a host may send the chunk
   * and the end in one write, framed with Content-Length when the app declared none. runHttp still
   * calls `end()` afterwards. A host that can take more at once may return nothing instead of a
   * resolved promise: runHttp then goes on in the same turn.
   */
  write(chunk: Uint8Array, info?: { final: boolean }): Promise<void> | void;
  /**
   * Sends the status line and headers now if `start` held them back (async §3.4.6: the head goes out
   * no later than the first body event). runHttp calls it for a body event that carries no bytes
   * (an SSE app's "flush headers" step, or any body event of a HEAD/204/304 response) before any
   * byte was written. A host without it gets a zero-length `write` instead.
   */
  flush?(): void | Promise<void>;
  /** Ends the response, with trailers when the app sent any; nothing instead of a resolved promise is fine. */
  end(trailers?: HeaderList): Promise<void> | void;
  /** Sends a whole file as the body; present ⇒ runHttp advertises 'http.response.pathsend'. */
  sendFile?(path: string): Promise<void>;
  /** Sends a 103 Early Hints response; present ⇒ runHttp advertises 'http.response.early_hint'. */
  earlyHints?(links: string[]): Promise<void>;
  /** After the response started: drop the connection, so the client sees an incomplete response. */
  abort(error: unknown): void;
  /** Receives app errors and violations, naming the spec section. */
  log?: LogFn;
}

/** How a WebSocket connection ended: RFC 6455 close code and reason. */
export interface CloseInfo {
  code: number;
  reason: string;
}

/**
 * How runWebSocket holds back a push-style transport while the app lags behind its client.
 *
 * @example
 * const flow: WebSocketFlow = { pause: () => ws.pause(), resume: () => ws.resume() };
 */
export interface WebSocketFlow {
  /** Stops reading client messages: too many wait for the app. */
  pause(): void;
  /** Reads client messages again: the app caught up. */
  resume(): void;
}

/**
 * One WebSocket connection as the host sees it; runWebSocket drives it (async §4.8). Client messages
 * come either pulled from `messages` or pushed through `listen` (cheaper: no promise per message while
 * the app is busy); a transport provides one of the two, and runWebSocket prefers `listen`.
 *
 * @example
 * const transport: WebSocketTransport = {
 *   accept: (subprotocol, headers) => completeUpgrade(subprotocol, headers),
 *   send: (data) => ws.sendAsync(data), close: (code, reason) => ws.closeAsync(code, reason),
 *   deny: (status, headers, body) => writeHttpResponse(socket, status, headers, body),
 *   messages: ws.messages(), closed: ws.closedInfo,
 * };
 */
export interface WebSocketTransport {
  /** Completes the handshake (101) with the chosen subprotocol and extra headers. */
  accept(subprotocol: string | null, headers: HeaderList): Promise<void>;
  /**
   * Sends a text (string) or binary (Uint8Array) message; resolves once the host can take more
   * (backpressure) and rejects if the message cannot leave. A host that can take more at once may
   * return nothing instead of a resolved promise, and may throw instead of rejecting.
   */
  send(data: string | Uint8Array): Promise<void> | void;
  /** Sends a close frame. */
  close(code: number, reason: string): Promise<void>;
  /** Answers the handshake with an HTTP response instead of upgrading. */
  deny(status: number, headers: HeaderList, body: Uint8Array): Promise<void>;
  /**
   * Client messages after accept, in order (pull style); it MUST end once the connection closes, after
   * every message received. Required unless the transport has `listen`.
   */
  messages?: AsyncIterable<string | Uint8Array>;
  /**
   * Push style, preferred over `messages`: runWebSocket calls it once, before accept; the transport
   * then calls `onMessage` with each client message, in order, and with none once `closed` settles
   * (so every message received comes before it). The returned flow lets runWebSocket stop reading
   * while the app lags.
   */
  listen?(onMessage: (data: string | Uint8Array) => void): WebSocketFlow;
  /** Resolves once the connection is closed (or the handshake failed), with the close code and reason. */
  closed: Promise<CloseInfo>;
  /** Receives app errors and violations, naming the spec section. */
  log?: LogFn;
}

/** The log used when a transport brings none: errors and warnings reach the console. */
export const defaultLog: LogFn = (level, message, error) => {
  if (level === 'error') console.error(message, ...(error === undefined ? [] : [error]));
  else if (level === 'warn') console.warn(message, ...(error === undefined ? [] : [error]));
};
