// serve(): one process serving one app — lifespan startup, listen, and a clean stop.
import { createLifespan, type AsyncApp, type LogFn } from '@tsgi/async';
import cluster from 'node:cluster';
import { readFileSync, statSync, unlinkSync } from 'node:fs';
import type { Socket } from 'node:net';
import type { Http2Session } from 'node:http2';
import { createConfig } from './config/resolve-config.js';
import type { ServerConfig } from './config/server-config.js';
import { detectInterface } from './detect-interface.js';
import { ConfigError } from './errors.js';
import { createHandlers } from './handlers.js';
import { listenerFor } from './listeners/registry.js';
import type { Listener } from './listeners/types.js';
import { createAccessLog } from './logging/access-log.js';
import { createLogger, type LogSink } from './logging/logger.js';
import { closeQuietConnections, stopAccepting } from './process/drain.js';

/** Options of {@link serve}: any config option, plus where logs go. */
export type ServeOptions = Partial<Omit<ServerConfig, 'app'>> & {
  /** Server and app log lines. @default process.stderr */
  logSink?: LogSink;
  /** Access log lines. @default process.stdout */
  accessLogSink?: LogSink;
};

/** A listening server. */
export interface RunningServer {
  /** 'http://127.0.0.1:8000', 'https://[::1]:8443' or 'unix:/run/app.sock'. */
  readonly url: string;
  /** The TCP port, or null on a unix socket. */
  readonly port: number | null;
  readonly config: ServerConfig;
  /**
   * Stops accepting, lets requests in progress finish (up to --timeout-graceful-shutdown), closes
   * WebSockets with 1001, then runs lifespan shutdown. Idempotent.
   */
  close(): Promise<void>;
}

/**
 * Serves a sync or async app (or a router) until `close()`. Resolves once listening, after lifespan
 * startup; rejects with a LifespanError when startup fails (the CLI exits 3).
 *
 * @example
 * const server = await serve(app, { port: 0 });
 * console.log(server.url); // http://127.0.0.1:53017
 * await server.close();
 */
export async function serve(app: unknown, options: ServeOptions = {}): Promise<RunningServer> {
  const { logSink, accessLogSink, ...partial } = options;
  return start(app, createConfig(partial), logSink, accessLogSink);
}

/** serve() for a config already resolved (the CLI path). */
export async function start(
  app: unknown,
  config: ServerConfig,
  logSink: LogSink = (line) => process.stderr.write(line),
  accessLogSink: LogSink = (line) => process.stdout.write(line),
): Promise<RunningServer> {
  const log = createLogger(config.logLevel, config.logFormat, logSink);
  const detected = detectInterface(app, config.interface);
  if (detected.interface === 'sync' && config.lifespan === 'on') {
    throw new ConfigError('--lifespan on needs an async app: the sync interface has no lifespan', { option: '--lifespan' });
  }
  const lifespan = createLifespan(detected.app as AsyncApp, { mode: detected.interface === 'sync' ? 'off' : config.lifespan, log });
  await lifespan.startup();

  const accessLog = config.accessLog ? createAccessLog(config.logFormat, accessLogSink) : null;
  const handlers = createHandlers(detected, config, log, accessLog, lifespan.state);
  const listener = listenerFor(config)(config, readTls(config));
  const tracked = track(listener, handlers, log);
  try {
    await listen(listener, config);
  } catch (error) {
    await lifespan.shutdown().catch(() => undefined);
    throw error;
  }
  const { url, port } = describe(listener, config);
  // A --threads app reaches here as the async app that drives the pool; the user served a sync one.
  const served = config.threads > 0 ? `sync app on ${config.threads} thread${config.threads === 1 ? '' : 's'}` : `${detected.interface} app`;
  log('info', `listening on ${url} (${served}, ${listener.protocols}); Ctrl-C to stop`);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      log('info', 'shutting down');
      handlers.drain();
      // process/drain.ts: serve what is queued or already sent, close keep-alive only once quiet (gunicorn#2529).
      const stopped = stopAccepting(listener.server);
      for (const session of tracked.sessions) session.close();
      const sweep = closeQuietConnections(listener.http1);
      const websockets = handlers.closeWebSockets();
      const grace = new Promise<void>((resolve) => setTimeout(resolve, config.timeoutGracefulShutdown * 1000).unref());
      await Promise.race([Promise.all([handlers.activity.idle(), websockets, stopped]), grace]);
      sweep.stop();
      for (const socket of tracked.sockets) socket.destroy();
      // Apps still streaming see http.disconnect, and get a turn to react, before lifespan shutdown.
      await Promise.race([handlers.activity.idle(), new Promise<void>((resolve) => setTimeout(resolve, 1000).unref())]);
      await new Promise<void>((resolve) => setImmediate(resolve));
      await stopped;
      await lifespan.shutdown();
      log('info', 'stopped');
    })());
  return { url, port, config, close };
}

function readTls(config: ServerConfig): { key: Buffer; cert: Buffer } | null {
  if (!config.sslCertfile || !config.sslKeyfile) return null;
  return { key: readPem('--ssl-keyfile', config.sslKeyfile), cert: readPem('--ssl-certfile', config.sslCertfile) };
}

function readPem(flag: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ConfigError(`${flag} cannot read ${JSON.stringify(path)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { option: flag, cause: error });
  }
}

/** Attaches the handlers and keeps the sockets and HTTP/2 sessions shutdown must end. */
function track(listener: Listener, handlers: ReturnType<typeof createHandlers>, log: LogFn) {
  const sockets = new Set<Socket>();
  const sessions = new Set<Http2Session>();
  listener.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  if (listener.http1) {
    const http1 = listener.http1;
    http1.on('request', handlers.request);
    http1.on('checkContinue', handlers.request);
    http1.on('checkExpectation', handlers.expectation);
    http1.on('upgrade', handlers.upgrade);
    http1.on('clientError', handlers.clientError);
    http1.on('connect', handlers.connect);
  }
  const http2 = listener.http2;
  if (http2 && http2 !== listener.http1) {
    http2.on('request', handlers.request);
    http2.on('checkContinue', handlers.request);
    http2.on('checkExpectation', handlers.expectation);
    http2.on('connect', handlers.connect);
  }
  if (http2) {
    http2.on('session', (session: Http2Session) => {
      sessions.add(session);
      session.once('close', () => sessions.delete(session));
      session.on('error', (error) => log('debug', 'HTTP/2 session error', error));
    });
    http2.on('sessionError', (error) => log('debug', 'HTTP/2 session error', error));
  }
  listener.server.on('tlsClientError', (error: Error) => log('debug', `TLS handshake failed: ${error.message}`));
  return { sockets, sessions };
}

function listen(listener: Listener, config: ServerConfig): Promise<void> {
  return new Promise((resolve, reject) => {
    listener.server.once('error', reject);
    const done = (): void => {
      listener.server.off('error', reject);
      resolve();
    };
    if (config.uds) {
      // Under the supervisor it removed a stale file once; a worker must not unlink its siblings' socket.
      if (!cluster.isWorker) removeStaleSocket(config.uds);
      listener.server.listen({ path: config.uds }, done);
    } else listener.server.listen({ host: config.host, port: config.port }, done);
  });
}

/** A socket file left by a crashed run would make listen fail with EADDRINUSE. */
function removeStaleSocket(path: string): void {
  try {
    if (statSync(path).isSocket()) unlinkSync(path);
  } catch {
    // Absent: nothing to remove.
  }
}

function describe(listener: Listener, config: ServerConfig): { url: string; port: number | null } {
  const address = listener.server.address();
  if (typeof address === 'string' || address === null) return { url: `unix:${config.uds ?? address ?? ''}`, port: null };
  const { address: host, port } = address;
  return { url: `${listener.scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`, port };
}
