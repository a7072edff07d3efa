// The table of every `tsgi serve` option: its flag, environment variables, default, parser and help.
// The CLI parser, `tsgi --help` and docs/server.md are all driven by (and tested against) this table.
import type { ServerConfig } from './server-config.js';
import { addresses, boolean, bytes, choice, integer, rootPath, seconds, text, type ValueParser } from './values.js';
import { PROCESS_OPTIONS } from '../process/options.js';

/** One option of `tsgi serve`. */
export interface OptionSpec<K extends keyof ServerConfig = keyof ServerConfig> {
  key: K;
  /** As typed: '--port'. */
  flag: `--${string}`;
  /** Other spellings accepted on the command line, for users coming from gunicorn. */
  aliases?: readonly `--${string}`[];
  /** Environment variables that set it, first match wins: ['TSGI_PORT', 'PORT']. */
  env: readonly string[];
  /** The placeholder shown in help: 'PORT'. Switches have none. */
  value?: string;
  parse: ValueParser<ServerConfig[K]>;
  default: ServerConfig[K];
  /** How the default reads in help and docs. */
  shown: string;
  group: 'Server' | 'Proxy' | 'Timeouts' | 'Limits' | 'WebSocket' | 'TLS and HTTP/2' | 'Logging' | 'App' | 'Process model';
  help: string;
}

const MIB = 1024 * 1024;
const optional = <T>(parse: ValueParser<T>): ValueParser<T | undefined> => (raw, flag) =>
  raw === '' ? undefined : parse(raw, flag);

function option<K extends keyof ServerConfig>(spec: Omit<OptionSpec<K>, 'env'> & { env?: readonly string[] }): OptionSpec<K> {
  const env = spec.env ?? [`TSGI_${spec.flag.slice(2).toUpperCase().replaceAll('-', '_')}`];
  return Object.freeze({ ...spec, env });
}

/** Every option, in the order `tsgi --help` shows them. */
export const OPTIONS: readonly OptionSpec[] = Object.freeze([
  option({ key: 'host', flag: '--host', value: 'HOST', parse: text, default: '127.0.0.1', shown: '127.0.0.1', group: 'Server',
    help: 'Address to listen on; 0.0.0.0 or :: for every interface.' }),
  option({ key: 'port', flag: '--port', env: ['TSGI_PORT', 'PORT'], value: 'PORT', parse: integer(0, 65535), default: 8000, shown: '8000', group: 'Server',
    help: 'TCP port; 0 picks a free one. PORT is honoured when TSGI_PORT is unset.' }),
  option({ key: 'uds', flag: '--uds', value: 'PATH', parse: optional(text), default: undefined, shown: 'none', group: 'Server',
    help: 'Listen on a unix domain socket instead of host and port.' }),
  option({ key: 'interface', flag: '--interface', value: 'auto|sync|async', parse: choice(['auto', 'sync', 'async'] as const), default: 'auto', shown: 'auto', group: 'App',
    help: 'Which interface the app speaks; auto detects a router app, an async function or arity 3 as async, arity 2 as sync.' }),
  option({ key: 'rootPath', flag: '--root-path', value: 'PATH', parse: rootPath, default: '', shown: "''", group: 'App',
    help: 'Where a proxy mounts the app, e.g. /api: becomes SCRIPT_NAME / scope.rootPath.' }),
  option({ key: 'lifespan', flag: '--lifespan', value: 'auto|on|off', parse: choice(['auto', 'on', 'off'] as const), default: 'auto', shown: 'auto', group: 'App',
    help: 'Run lifespan startup/shutdown: auto skips apps that do not support it, on requires it.' }),
  option({ key: 'headerUnderscores', flag: '--header-underscores', value: 'drop|refuse', parse: choice(['drop', 'refuse'] as const), default: 'drop', shown: 'drop', group: 'App',
    help: "Header names with '_' are dropped, or refused with 400, so they never alias dashed names." }),
  option({ key: 'envFile', flag: '--env-file', value: 'PATH', parse: optional(text), default: undefined, shown: 'none', group: 'App',
    help: 'Load KEY=value lines into the environment first (existing variables win); TSGI_* there set options.' }),
  option({ key: 'proxyHeaders', flag: '--proxy-headers', parse: boolean, default: false, shown: 'false', group: 'Proxy',
    help: 'Believe Forwarded and X-Forwarded-For/-Proto/-Host from the peers in --forwarded-allow-ips.' }),
  option({ key: 'forwardedAllowIps', flag: '--forwarded-allow-ips', value: 'IPS', parse: addresses, default: Object.freeze(['127.0.0.1', '::1']), shown: '127.0.0.1,::1', group: 'Proxy',
    help: 'Trusted proxies: IPs and CIDR ranges, comma-separated; * trusts every peer.' }),
  option({ key: 'timeoutKeepAlive', flag: '--timeout-keep-alive', value: 'SECONDS', parse: seconds, default: 5, shown: '5', group: 'Timeouts',
    help: 'Close idle keep-alive connections after this long. Behind a load balancer, set it above the balancer idle timeout.' }),
  option({ key: 'timeoutHeaders', flag: '--timeout-headers', value: 'SECONDS', parse: seconds, default: 20, shown: '20', group: 'Timeouts',
    help: 'A request whose headers are not complete this long after it began gets 408 and the connection closes.' }),
  option({ key: 'timeoutBody', flag: '--timeout-body', value: 'SECONDS', parse: seconds, default: 20, shown: '20', group: 'Timeouts',
    help: 'How long a request body may stall in total, beyond what --min-body-rate earns; then 408 (or an aborted response) and the connection closes. 0 turns the cut-off off.' }),
  option({ key: 'minBodyRate', flag: '--min-body-rate', value: 'BYTES', parse: bytes, default: 512, shown: '512', group: 'Timeouts',
    help: 'Each this many body bytes received earn the client one more second of --timeout-body; 0 turns the cut-off off.' }),
  option({ key: 'timeoutGracefulShutdown', flag: '--timeout-graceful-shutdown', aliases: ['--graceful-timeout'], value: 'SECONDS', parse: seconds, default: 10, shown: '10', group: 'Timeouts',
    help: "On SIGINT/SIGTERM, wait this long for open requests before closing connections. Also spelled --graceful-timeout (gunicorn's name)." }),
  option({ key: 'limitRequestLine', flag: '--limit-request-line', value: 'BYTES', parse: integer(16, 1024 * 1024), default: 8190, shown: '8190', group: 'Limits',
    help: 'Longest request line; longer gets 414.' }),
  option({ key: 'limitRequestFields', flag: '--limit-request-fields', value: 'COUNT', parse: integer(1, 10000), default: 100, shown: '100', group: 'Limits',
    help: 'Most header fields in a request; more gets 431.' }),
  option({ key: 'limitRequestFieldSize', flag: '--limit-request-field-size', value: 'BYTES', parse: integer(16, 1024 * 1024), default: 8190, shown: '8190', group: 'Limits',
    help: 'Longest header field line (name, colon, value); longer gets 431.' }),
  option({ key: 'limitBody', flag: '--limit-body', value: 'BYTES', parse: bytes, default: 10 * MIB, shown: '10m', group: 'Limits',
    help: 'Largest request body; larger gets 413 and the connection closes. 0 means no limit.' }),
  option({ key: 'limitConcurrency', flag: '--limit-concurrency', value: 'COUNT', parse: integer(0, 1_000_000), default: 0, shown: '0 (no limit)', group: 'Limits',
    help: 'Most requests and WebSockets in progress at once; past it new ones get 503.' }),
  option({ key: 'spoolThreshold', flag: '--spool-threshold', value: 'BYTES', parse: bytes, default: MIB, shown: '1m', group: 'Limits',
    help: 'Sync apps: request bodies past this size are buffered in a temporary file, removed afterwards.' }),
  option({ key: 'wsMaxSize', flag: '--ws-max-size', value: 'BYTES', parse: bytes, default: 16 * MIB, shown: '16m', group: 'WebSocket',
    help: 'Largest WebSocket message; larger closes the connection with 1009.' }),
  option({ key: 'wsPingInterval', flag: '--ws-ping-interval', value: 'SECONDS', parse: seconds, default: 20, shown: '20', group: 'WebSocket',
    help: 'Ping idle WebSocket clients this often; 0 turns pings off.' }),
  option({ key: 'wsPingTimeout', flag: '--ws-ping-timeout', value: 'SECONDS', parse: seconds, default: 20, shown: '20', group: 'WebSocket',
    help: 'Drop a WebSocket whose pong does not arrive within this long.' }),
  option({ key: 'wsPerMessageDeflate', flag: '--ws-per-message-deflate', parse: boolean, default: false, shown: 'false', group: 'WebSocket',
    help: 'Offer permessage-deflate compression (RFC 7692); costs memory per connection.' }),
  option({ key: 'sslKeyfile', flag: '--ssl-keyfile', value: 'PATH', parse: optional(text), default: undefined, shown: 'none', group: 'TLS and HTTP/2',
    help: 'PEM private key; with --ssl-certfile, serves HTTPS.' }),
  option({ key: 'sslCertfile', flag: '--ssl-certfile', value: 'PATH', parse: optional(text), default: undefined, shown: 'none', group: 'TLS and HTTP/2',
    help: 'PEM certificate chain.' }),
  option({ key: 'http2', flag: '--http2', parse: boolean, default: false, shown: 'false', group: 'TLS and HTTP/2',
    help: 'Serve HTTP/2: over TLS via ALPN with HTTP/1.1 fallback; without TLS as h2c (prior knowledge) beside HTTP/1.1.' }),
  option({ key: 'accessLog', flag: '--access-log', parse: boolean, default: false, shown: 'false', group: 'Logging',
    help: 'Log each response to stdout in the combined log format (or JSON with --log-format json).' }),
  option({ key: 'logFormat', flag: '--log-format', value: 'text|json', parse: choice(['text', 'json'] as const), default: 'text', shown: 'text', group: 'Logging',
    help: 'text lines, or one JSON object per line.' }),
  option({ key: 'logLevel', flag: '--log-level', value: 'LEVEL', parse: choice(['debug', 'info', 'warn', 'error', 'silent'] as const), default: 'info', shown: 'info', group: 'Logging',
    help: 'debug, info, warn, error or silent.' }),
  option({ key: 'serverHeader', flag: '--server-header', parse: boolean, default: true, shown: 'true', group: 'Server',
    help: 'Send Server: tsgi when the app sets no Server header.' }),
  // Workers, threads, timeouts, reload: src/process/options.ts (docs/production.md).
  ...PROCESS_OPTIONS,
]);
