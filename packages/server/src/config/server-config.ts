// The resolved, frozen configuration of one server. Built once by resolveConfig (or from serve()'s
// options); nothing on a request path parses options again (STYLE.md: Resolve once, freeze, then run).
import type { ProcessConfig } from '../process/options.js';

/** Which gateway interface the app speaks; 'auto' detects it (docs/server.md: Interface detection). */
export type InterfaceChoice = 'auto' | 'sync' | 'async';

/** How loud the server is. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Every option of `tsgi serve`, resolved. Times are in seconds, sizes in bytes. */
export interface ServerConfig extends ProcessConfig {
  /** The MODULE[:EXPORT] argument, when started from the CLI. */
  readonly app: string | undefined;
  /** @default 'auto' */
  readonly interface: InterfaceChoice;
  /** @default '127.0.0.1' */
  readonly host: string;
  /** @default 8000 */
  readonly port: number;
  /** A unix domain socket path; replaces host and port when set. */
  readonly uds: string | undefined;
  /** Where the app is mounted behind a proxy, e.g. '/api'. @default '' */
  readonly rootPath: string;
  /** Believe Forwarded / X-Forwarded-* from the peers in forwardedAllowIps. @default false */
  readonly proxyHeaders: boolean;
  /** @default ['127.0.0.1', '::1'] */
  readonly forwardedAllowIps: readonly string[];
  /** @default 5 */
  readonly timeoutKeepAlive: number;
  /** @default 20 */
  readonly timeoutHeaders: number;
  /** @default 20 */
  readonly timeoutBody: number;
  /** @default 512 */
  readonly minBodyRate: number;
  /** @default 10 */
  readonly timeoutGracefulShutdown: number;
  /** @default 8190 */
  readonly limitRequestLine: number;
  /** @default 100 */
  readonly limitRequestFields: number;
  /** @default 8190 */
  readonly limitRequestFieldSize: number;
  /** @default 10 MiB */
  readonly limitBody: number;
  /** 0 means no limit. @default 0 */
  readonly limitConcurrency: number;
  /** @default 'auto' */
  readonly lifespan: 'auto' | 'on' | 'off';
  /** @default 16 MiB */
  readonly wsMaxSize: number;
  /** 0 turns pings off. @default 20 */
  readonly wsPingInterval: number;
  /** @default 20 */
  readonly wsPingTimeout: number;
  /** @default false */
  readonly wsPerMessageDeflate: boolean;
  readonly sslKeyfile: string | undefined;
  readonly sslCertfile: string | undefined;
  /** @default false */
  readonly http2: boolean;
  /** @default false */
  readonly accessLog: boolean;
  /** @default 'text' */
  readonly logFormat: 'text' | 'json';
  /** @default 'info' */
  readonly logLevel: LogLevel;
  /** @default 'drop' */
  readonly headerUnderscores: 'drop' | 'refuse';
  /** Send `Server: tsgi` when the app sets no Server header. @default true */
  readonly serverHeader: boolean;
  /** Sync request bodies larger than this are spooled to a temporary file. @default 1 MiB */
  readonly spoolThreshold: number;
  readonly envFile: string | undefined;
}
