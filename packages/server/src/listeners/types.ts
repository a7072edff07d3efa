// What every listener variant provides (STYLE.md: contract first, then one file per implementation).
import type { Server as NetServer } from 'node:net';
import type { Http2Server, Http2SecureServer } from 'node:http2';
import type { Server as HttpServer } from 'node:http';
import type { ServerConfig } from '../config/server-config.js';

/** The node servers behind one listening socket. */
export interface Listener {
  /** The server that listens (and owns every TCP connection). */
  readonly server: NetServer;
  /** Emits 'request', 'checkContinue', 'upgrade' and 'clientError' for HTTP/1.x. */
  readonly http1: HttpServer | Http2SecureServer | null;
  /** Emits 'request', 'checkContinue' and 'session' for HTTP/2. */
  readonly http2: Http2Server | Http2SecureServer | null;
  /** For the startup line: 'HTTP/1.1', 'HTTP/1.1 + h2c' ... */
  readonly protocols: string;
  readonly scheme: 'http' | 'https';
}

/** Makes a listener from the resolved config; TLS variants get the PEM contents. */
export type ListenerFactory = (config: ServerConfig, tls: { key: Buffer; cert: Buffer } | null) => Listener;

/** node:http options every HTTP/1.x variant shares, derived once from the config. */
export function http1Options(config: ServerConfig) {
  const headersTimeoutMs = config.timeoutHeaders * 1000;
  return {
    // node counts the request line and every header against one budget; the finer limits are
    // enforced per request by the request guard (protocol/README.md).
    maxHeaderSize: config.limitRequestLine + config.limitRequestFields * (config.limitRequestFieldSize + 2) + 4,
    requireHostHeader: false,
    joinDuplicateHeaders: false,
    insecureHTTPParser: false,
    noDelay: true,
    keepAliveTimeout: config.timeoutKeepAlive * 1000,
    headersTimeout: headersTimeoutMs,
    // The body's pace is policed by --timeout-body/--min-body-rate, so no whole-request deadline.
    requestTimeout: 0,
    connectionsCheckingInterval: Math.max(100, Math.min(2000, headersTimeoutMs / 4)),
  };
}

/** Applies the HTTP/1.x settings to a server that was not built by node:http (HTTP/2 with allowHTTP1). */
export function applyHttp1Settings(server: HttpServer | Http2SecureServer, config: ServerConfig): void {
  const options = http1Options(config);
  Object.assign(server, {
    maxHeaderSize: options.maxHeaderSize,
    requireHostHeader: false,
    keepAliveTimeout: options.keepAliveTimeout,
    headersTimeout: options.headersTimeout,
    requestTimeout: 0,
    connectionsCheckingInterval: options.connectionsCheckingInterval,
    // node keeps at most this many fields; one more than the limit lets the guard see the excess.
    maxHeadersCount: config.limitRequestFields + 1,
  });
}

/** HTTP/2 settings from the same limits. */
export function http2Settings(config: ServerConfig) {
  return {
    maxHeaderListPairs: config.limitRequestFields + 8,
    settings: { maxHeaderListSize: http1Options(config).maxHeaderSize },
  };
}
