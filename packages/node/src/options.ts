// The options of toNodeHandler / toNodeUpgradeHandler, resolved once into a frozen shape.
import { defaultLog, type Address, type Extensions, type HeaderList, type LogFn, type State } from '@tsgi/async';
import { createAddressMatcher, type AddressMatcher } from './proxy/address-matcher.js';
import type { BodyLimits } from './body-reader.js';
import type { ExchangeRecord, NodeResponse } from './http-transport.js';
import type { NodeRequest } from './request-parts.js';

/** Options shared by the HTTP and the WebSocket handler. */
export interface NodeOptions {
  /** Which interface the app speaks. @default 'sync' for a plain function of arity 2, else 'async' */
  interface?: 'sync' | 'async';
  /** Where the app is mounted, e.g. '/api' (async §3.1.1). @default '' */
  rootPath?: string;
  /** Header names with '_': dropped, or refused with 400 (async §2.3). @default 'drop' */
  underscoreHeaders?: 'drop' | 'refuse';
  /**
   * Peers (IPs, CIDR ranges, '*') whose Forwarded / X-Forwarded-* headers are believed; left out,
   * proxy headers are ignored. @default undefined
   */
  trustedProxies?: readonly string[];
  /** Lifespan state, shallow-copied into each scope (async §5.4). */
  state?: State;
  /** Sent as `server` when the app sets none; null sends none. @default null */
  serverHeader?: string | null;
  /** Extra scope.extensions this host advertises. @default {} */
  extensions?: Extensions;
  /** Where app errors and spec violations go. @default errors and warnings to the console */
  log?: LogFn;
}

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions extends NodeOptions {
  /** Largest request body in bytes; larger gets 413 and the connection closes. 0: no limit. @default 0 */
  bodyLimit?: number;
  /** Seconds a request body may stall beyond what `minBodyRate` earns; 0: no cut-off. @default 0 */
  bodyTimeout?: number;
  /** Bytes per second that earn a slow body one more second. @default 512 */
  minBodyRate?: number;
  /** Sync apps: bodies past this many bytes are spooled to a temporary file. @default 1 MiB */
  spoolThreshold?: number;
  /**
   * Called once per exchange when its connection work ends (access logs, metrics), requests refused
   * before the app (413, 400) included.
   */
  onExchange?: (req: NodeRequest, record: ExchangeRecord, res: NodeResponse) => void;
  /** What a framework knows better than node:http about a request (e.g. Express's mount point). */
  requestOverrides?: (req: NodeRequest) => RequestOverrides | undefined;
  /**
   * The app raised before starting its response: return true to take the error over (e.g. Express's
   * `next(err)`); the exchange then ends for the app and no 500 is written. @default answer 500
   */
  onError?: (error: unknown, req: NodeRequest) => boolean;
  /**
   * The app starts its response: return true to take the response over (e.g. hand a 404 on to the
   * next Express route); what the app sends afterwards is discarded. @default send it
   */
  onResponseStart?: (status: number, headers: HeaderList, req: NodeRequest) => boolean;
}

/** Per-request replacements for what node:http reports. */
export interface RequestOverrides {
  /** The request-target as the client sent it (node's req.url may have been rewritten). */
  target?: string;
  rootPath?: string;
  scheme?: 'http' | 'https';
  client?: Address | null;
  /** The whole body, when something upstream already read it from the stream. */
  body?: Uint8Array;
}

/** Options of {@link toNodeUpgradeHandler}. */
export interface NodeUpgradeOptions extends NodeOptions {
  /** Largest message in bytes; larger closes with 1009. @default 16 MiB */
  maxMessageSize?: number;
  /** Seconds between pings; 0 turns them off. @default 20 */
  pingInterval?: number;
  /** Seconds to wait for a pong before dropping the connection. @default 20 */
  pingTimeout?: number;
  /** Offer permessage-deflate (RFC 7692). @default false */
  perMessageDeflate?: boolean;
}

/** The options every request reads, resolved once. */
export interface ResolvedOptions {
  readonly rootPath: string;
  readonly underscoreHeaders: 'drop' | 'refuse';
  readonly trustedProxies: AddressMatcher | undefined;
  readonly state: State | undefined;
  readonly serverHeader: string | null;
  readonly extensions: Extensions;
  readonly log: LogFn;
  readonly body: Readonly<BodyLimits>;
}

/** Resolves the shared options; hot paths only read the result. */
export function resolveOptions(options: NodeHandlerOptions): ResolvedOptions {
  return Object.freeze({
    rootPath: options.rootPath ?? '',
    underscoreHeaders: options.underscoreHeaders ?? 'drop',
    trustedProxies: options.trustedProxies ? createAddressMatcher(options.trustedProxies) : undefined,
    state: options.state,
    serverHeader: options.serverHeader ?? null,
    extensions: Object.freeze({ ...options.extensions }),
    log: options.log ?? defaultLog,
    body: Object.freeze({ limit: options.bodyLimit ?? 0, timeout: options.bodyTimeout ?? 0, minRate: options.minBodyRate ?? 512 }),
  });
}
