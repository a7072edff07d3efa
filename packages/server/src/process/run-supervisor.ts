// `tsgi serve` with the process model: check the options, claim the address, write the pid file,
// fork the workers and turn signals into supervisor actions. Returns the CLI's exit code.
import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../cli/run.js';
import type { ServerConfig } from '../config/server-config.js';
import { ConfigError } from '../errors.js';
import { createLogger } from '../logging/logger.js';
import { CONFIG_VARIABLE } from './ipc.js';
import { claimAddress } from './listen-address.js';
import { PROCESS_MESSAGES } from './messages.js';
import { writePidFile } from './pidfile.js';
import { watchFiles } from './reload/watch-files.js';
import { Supervisor } from './supervisor.js';

/** A second stop signal within this long of the first is the same request, not "force". */
const REPEAT_MS = 1000;

/**
 * True when the options ask for the process model; otherwise `tsgi serve` runs in one process.
 *
 * @example
 * usesSupervisor(createConfig({ workers: 1 })); // true
 * usesSupervisor(createConfig({}));             // false
 */
export function usesSupervisor(config: ServerConfig): boolean {
  return config.workers !== undefined || config.timeout !== undefined || config.maxRequests > 0 || config.reload || config.pid !== undefined;
}

/** Runs the supervisor until it stops; resolves with the exit code (0, 1, 2 or 3). */
export async function runSupervisor(config: ServerConfig, io: CliIO): Promise<number> {
  if (config.reload && (config.workers ?? 1) > 1) throw new ConfigError(PROCESS_MESSAGES.reloadWithWorkers(config.workers ?? 1), { option: '--reload' });
  const log = createLogger(config.logLevel, config.logFormat, io.stderr);
  let claimed: ServerConfig;
  try {
    claimed = await claimAddress(config);
  } catch (error) {
    io.stderr(`tsgi: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const removePid = config.pid === undefined ? () => undefined : writePidFile(config.pid, process.pid);

  // The kernel hands each connection to whichever worker accepts first, so a busy or stuck worker
  // takes no new connections (node's round-robin would keep queueing them to it).
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.setupPrimary({
    exec: fileURLToPath(new URL('./worker.js', import.meta.url)),
    args: [],
    // fd 3: cluster's IPC; fd 4 (HEARTBEAT_FD): the heartbeat pipe (heartbeat.ts).
    stdio: ['inherit', 'inherit', 'inherit', 'ipc', 'pipe'],
  });
  // libuv then accepts one connection per turn and yields, so a burst spreads over the workers
  // instead of landing on one that may be about to block (unless the user chose otherwise).
  const env = { [CONFIG_VARIABLE]: JSON.stringify(claimed), UV_TCP_SINGLE_ACCEPT: io.env.UV_TCP_SINGLE_ACCEPT ?? '1' };
  const supervisor = new Supervisor(claimed, log, { development: config.reload, env });
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signal === 'SIGHUP') supervisor.reload(signal);
    else if (signal === 'SIGTTIN') supervisor.resize(1, signal);
    else if (signal === 'SIGTTOU') supervisor.resize(-1, signal);
    else supervisor.force(signal);
  };
  const signals = ['SIGHUP', 'SIGTTIN', 'SIGTTOU'] as const;
  for (const signal of signals) process.on(signal, onSignal);
  const cleanups = [(): void => void signals.forEach((signal) => process.off(signal, onSignal))];
  // SIGINT/SIGTERM: the first (io.signal) stops gracefully; a later one kills the workers at once —
  // but not a repeat within REPEAT_MS: Ctrl-C reaches the whole process group, and wrappers such as
  // npm forward it as well. Listening from the start means the default action (exit) never applies.
  let stopAt = 0;
  const again = (signal: NodeJS.Signals): void => {
    if (stopAt > 0 && Date.now() - stopAt >= REPEAT_MS) onSignal(signal);
  };
  for (const name of ['SIGINT', 'SIGTERM'] as const) process.on(name, again);
  cleanups.push(() => {
    for (const name of ['SIGINT', 'SIGTERM'] as const) process.off(name, again);
  });
  void io.signal.then((signal) => {
    stopAt = Date.now();
    supervisor.stop(signal);
  });
  const watcher = config.reload ? watchFiles(io.cwd, (file) => supervisor.reload(file)) : null;
  try {
    supervisor.start();
    return await supervisor.finished;
  } finally {
    watcher?.close();
    for (const cleanup of cleanups) cleanup();
    removePid();
  }
}
