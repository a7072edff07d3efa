// What a runtime entry (src/runtimes/*.ts) tells the shared handler: how to read the platform's
// extra arguments, and how to upgrade a WebSocket. A runtime is chosen by choosing its file.
import type { Address } from '@tsgi/async';
import type { WaitUntilContext } from '../types.js';
import type { Upgrade } from './socket-port.js';

/** What a request arrived with, besides the Request. */
export interface Arrival {
  env: unknown;
  ctx: WaitUntilContext | undefined;
  /** The client's address: `[host, null]` when the platform reports no port (see Runtime.client). */
  client: Address | null;
  /** The HTTP version, when the platform reports it (Workers' `request.cf.httpProtocol`). */
  httpVersion?: '1.0' | '1.1' | '2' | '3';
  /** The runtime's own server object, when upgrading needs it (Bun). */
  server?: unknown;
}

/** One runtime's bindings. */
export interface Runtime {
  /** Reads the handler's second and third arguments (Workers: env, ctx; Deno: info; Bun: server). */
  arrive(request: Request, second: unknown, third: unknown): Arrival;
  /** Reads the client's address when the app asks for it, where reading costs (Bun); else Arrival.client. */
  client?: (request: Request, arrival: Arrival) => Address | null;
  /**
   * Build scopes whose `headers` and `client` are read on the app's first access (@tsgi/async's
   * RequestSource.lazy): an own accessor is cheap on JavaScriptCore (Bun), so an app that never
   * reads them saves the Headers walk and the address lookup; on V8 (Deno, workerd, Node) the
   * accessors alone cost about as much as those reads, so its runtimes build plain scopes.
   */
  lazyScope?: boolean;
  /** How to upgrade a WebSocket request; absent where the runtime cannot. */
  upgrade?: Upgrade;
  /**
   * Frames a streamed body by the app's Content-Length, where the runtime would otherwise send it
   * chunked and drop that header (Workers: FixedLengthStream).
   */
  sizedBody?: SizedBody;
  /**
   * The runtime sends a body given whole (bytes, not a stream) with a Content-Length of its own
   * length, so the app's equal one can stay out of the Response (Deno and Bun serve such responses
   * on a faster path). Not for servers that copy the Response's fields as they are (Node bridges).
   */
  framesWholeBody?: boolean;
  /**
   * A short all-ASCII body goes to the Response as a string (same bytes on the wire) when the app
   * named its Content-Type: Deno copies a bytes body, and serves a string on its fastest path.
   */
  textBody?: boolean;
}

/** Wraps a body stream so the runtime sends it with this exact Content-Length. */
export type SizedBody = (stream: ReadableStream<Uint8Array>, length: number) => ReadableStream<Uint8Array>;

/** Any server that calls `(request, env?, ctx?)`: arguments passed through as they are. */
export const GENERIC_RUNTIME: Runtime = {
  arrive: (_request, env, ctx) => ({ env, ctx: waitUntilContext(ctx), client: null }),
};

/** `ctx` when it has a waitUntil method, else undefined. */
export function waitUntilContext(ctx: unknown): WaitUntilContext | undefined {
  return typeof (ctx as Partial<WaitUntilContext> | undefined)?.waitUntil === 'function' ? (ctx as WaitUntilContext) : undefined;
}
