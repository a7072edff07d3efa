// The contract between the suite and a host: how to serve an app and how to call it as a client.
// Each host (node server, Express, Lambda, Fetch) implements it once, in a short runner file.
import type { AsyncApp, HeaderList } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import type { CaseId } from './case-id.js';

/** Which gateway interface an app speaks. */
export type ConformanceInterface = 'sync' | 'async';

/** What `Driver.start` receives besides the app. */
export interface StartOptions {
  interface: ConformanceInterface;
}

/**
 * One request, as a client sends it.
 *
 * @example
 * { method: 'POST', target: '/echo?x=1', headers: [['content-type', 'text/plain']], body: bytes }
 */
export interface ConformanceRequest {
  method: string;
  /** The request-target exactly as it goes on the wire, still percent-encoded: '/a%2Fb?x=1'. */
  target: string;
  /** Sent in this order with this case; repeated names are sent as separate fields. @default [] */
  headers?: HeaderList;
  /**
   * A `Uint8Array` is sent with `Content-Length`; an `AsyncIterable` without it (chunked in
   * HTTP/1.1), one piece per chunk. @default no body
   */
  body?: Uint8Array | AsyncIterable<Uint8Array>;
  /**
   * The client disconnects once it has received at least this many response body bytes; `request()`
   * then resolves with what arrived and `incomplete: true`. Drivers that cannot declare
   * 'http.disconnect.*' unsupported.
   */
  disconnectAfter?: number;
}

/** What the client received. */
export interface ConformanceResponse {
  status: number;
  /** Names lower-cased, in the order received, repeated names as separate entries. */
  headers: HeaderList;
  /** Every body byte received (empty for HEAD, 204 and 304). */
  body: Uint8Array;
  /** Trailer fields, names lower-cased, when the response had any. */
  trailers?: HeaderList;
  /**
   * True when the connection ended before the message was complete (RFC 9112 §8: a chunked body
   * without its last chunk, or fewer bytes than Content-Length), or the client disconnected itself.
   * @default false
   */
  incomplete?: boolean;
}

/** Options for opening a WebSocket. */
export interface WebSocketOptions {
  /** Offered in `Sec-WebSocket-Protocol`, in this order. @default [] */
  subprotocols?: string[];
  /** Extra handshake request headers. @default [] */
  headers?: HeaderList;
}

/**
 * A client WebSocket, as the suite drives it. Real-socket drivers implement it over their client
 * (e.g. the `ws` package); when the server denies the handshake, `Served.websocket()` rejects with
 * a `HandshakeDeniedError` carrying the HTTP response.
 */
export interface ConformanceSocket {
  /** The subprotocol the server chose, or null. */
  readonly subprotocol: string | null;
  /** The handshake response's headers, names lower-cased. */
  readonly headers: HeaderList;
  /** Sends a text message (`string`) or a binary one (`Uint8Array`). */
  send(data: string | Uint8Array): Promise<void>;
  /** The next message from the server; rejects if the connection closes first. */
  receive(): Promise<string | Uint8Array>;
  /** Starts the closing handshake with this code and reason. */
  close(code: number, reason: string): Promise<void>;
  /** Resolves with the close code and reason the server sent (1005 and '' when it sent none). */
  readonly closed: Promise<{ code: number; reason: string }>;
}

/** An app being served by a driver: a client for it, and a way to stop it. */
export interface Served {
  /** Where a real server listens, for reports; in-process drivers leave it out. */
  baseUrl?: string;
  /** Sends one request and resolves with the whole response. Rejects only if no response began. */
  request(req: ConformanceRequest): Promise<ConformanceResponse>;
  /** Opens a WebSocket; absent when the host has no WebSocket support (its cases are skipped). */
  websocket?(target: string, options?: WebSocketOptions): Promise<ConformanceSocket>;
  /** Runs lifespan shutdown (async apps), then releases every resource. */
  stop(): Promise<void>;
}

/**
 * How a host serves and calls an app. `start` runs lifespan startup (async apps) before resolving
 * and rejects when it fails.
 *
 * @example
 * import { createHttpClient } from '@tsgi/conformance/node';
 * const driver: Driver = {
 *   name: 'node',
 *   async start(app, { interface: kind }) {
 *     const server = await serve(app, { interface: kind, port: 0, host: '127.0.0.1' });
 *     return { baseUrl: server.url, request: createHttpClient(server.url), stop: () => server.close() };
 *   },
 *   unsupported: { 'http.response.trailers': 'trailers need HTTP/2 here' },
 * };
 */
export interface Driver {
  /** Shown in test titles. */
  name: string;
  start(app: SyncApp | AsyncApp, options: StartOptions): Promise<Served>;
  /** Cases this host cannot support, each with the reason shown in the skipped test's title. */
  unsupported?: Partial<Record<CaseId, string>>;
}
