// The app as the server will run it: detected once, and for --threads, loaded into a thread pool
// and served through toThreadedApp. The CLI and every worker process call this.
import type { LogSink } from '../logging/logger.js';
import { createLogger } from '../logging/logger.js';
import { createConfig } from '../config/resolve-config.js';
import type { InterfaceChoice, ServerConfig } from '../config/server-config.js';
import { detectInterface, type DetectedApp } from '../detect-interface.js';
import { ConfigError } from '../errors.js';
import { DEFAULT_TIMEOUT } from '../process/options.js';
import { PROCESS_MESSAGES } from '../process/messages.js';
import { ThreadPool } from './pool.js';
import { toThreadedApp } from './threaded-app.js';

/** An app ready for start(): its final interface, the config pinned to it, and what to close after. */
export interface PreparedApp {
  detected: DetectedApp;
  /** The config with `interface` set to the detected one, so start() does not guess again. */
  config: ServerConfig;
  /** Stops the thread pool, if any; after the server closed. */
  close(): Promise<void>;
}

/**
 * Detects the app's interface and, with `--threads N` and a sync app, boots the thread pool.
 * Throws ConfigError for --threads with an async-only app; AppLoadError when a thread cannot load it.
 *
 * @example
 * const prepared = await prepareApp(await loadApp(config.app, cwd), config, { cwd, logSink: (line) => process.stderr.write(line) });
 * const server = await start(prepared.detected.app, prepared.config);
 */
export async function prepareApp(loaded: unknown, config: ServerConfig, io: { cwd: string; logSink: LogSink }): Promise<PreparedApp> {
  if (config.threads === 0) {
    const detected = detectInterface(loaded, config.interface);
    return { detected, config: pin(config, detected.interface), close: () => Promise.resolve() };
  }
  // A router offers both faces; --threads asks for the sync one.
  const choice: InterfaceChoice = config.interface === 'auto' && isDual(loaded) ? 'sync' : config.interface;
  const detected = detectInterface(loaded, choice);
  if (detected.interface === 'async') throw new ConfigError(PROCESS_MESSAGES.threadsNeedSync(config.threads), { option: '--threads' });
  if (config.lifespan === 'on') throw new ConfigError('--lifespan on needs an async app: the sync interface has no lifespan', { option: '--lifespan' });
  if (config.app === undefined) throw new ConfigError(PROCESS_MESSAGES.threadsNeedModule, { option: '--threads' });
  const pool = new ThreadPool({
    size: config.threads,
    spec: config.app,
    cwd: io.cwd,
    timeoutMs: (config.timeout ?? DEFAULT_TIMEOUT) * 1000,
    multiprocess: (config.workers ?? 1) > 1,
    log: createLogger(config.logLevel, config.logFormat, io.logSink),
  });
  await pool.start();
  // The sync interface has no lifespan: the pool's async face is not asked for one either.
  return { detected: { interface: 'async', app: toThreadedApp(pool) }, config: pin(config, 'async', 'off'), close: () => pool.close() };
}

function pin(config: ServerConfig, kind: 'sync' | 'async', lifespan = config.lifespan): ServerConfig {
  return config.interface === kind && config.lifespan === lifespan ? config : createConfig({ ...config, interface: kind, lifespan });
}

function isDual(value: unknown): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  const candidate = value as { sync?: unknown; async?: unknown };
  return typeof candidate.sync === 'function' && typeof candidate.async === 'function';
}
