// The entry of each worker process (dist/worker.js), forked by the supervisor: load the app, serve,
// report ready, beat, and stop gracefully when told (or on SIGTERM/SIGINT).
import cluster from 'node:cluster';
import { createConfig } from '../config/resolve-config.js';
import type { ServerConfig } from '../config/server-config.js';
import { loadApp } from '../load-app.js';
import { guardProcessOutput } from '../logging/closed-output.js';
import { start, type RunningServer } from '../serve.js';
import { prepareApp, type PreparedApp } from '../threads/prepare-app.js';
import { NO_SCOREBOARD, startHeartbeat } from './heartbeat.js';
import { CONFIG_VARIABLE, HEARTBEAT_FD, type StopMessage, type WorkerMessage } from './ipc.js';
import { DEFAULT_TIMEOUT } from './options.js';
import { heartbeatInterval } from './timing.js';
import { workerLogSink } from './worker-log.js';
import { instrumentApp } from './worker-app.js';

guardProcessOutput();
const config: ServerConfig = createConfig(JSON.parse(process.env[CONFIG_VARIABLE] ?? '{}') as Partial<ServerConfig>);
delete process.env[CONFIG_VARIABLE];

const send = (message: WorkerMessage): Promise<void> => new Promise((resolve) => (process.send ? process.send(message, undefined, {}, () => resolve()) : resolve()));
const logSink = workerLogSink(config.logFormat, process.pid);
const timeout = config.timeout ?? DEFAULT_TIMEOUT;
const scoreboard = timeout > 0 ? startHeartbeat({ fd: HEARTBEAT_FD, intervalMs: heartbeatInterval(timeout) }) : NO_SCOREBOARD;

let server: RunningServer | undefined;
let prepared: PreparedApp | undefined;
let stopping: Promise<void> | undefined;

const stop = (): Promise<void> =>
  (stopping ??= (async () => {
    // Told to stop while still booting: nothing is served yet, so leave at once.
    if (server === undefined) process.exit(0);
    await server.close();
    await prepared?.close();
    scoreboard.stop();
    process.exit(0);
  })());

process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
// The supervisor owns these; a worker must neither die of SIGHUP nor stop on SIGTTIN/SIGTTOU.
for (const signal of ['SIGHUP', 'SIGTTIN', 'SIGTTOU'] as const) process.on(signal, () => undefined);
process.on('message', (message: StopMessage) => {
  if (message?.tsgi === 'stop') void stop();
});
// The supervisor is gone (killed): finish what is in flight and leave. node:cluster would exit the
// worker on the spot, dropping those requests, unless it believes the disconnect was asked for.
if (cluster.worker) cluster.worker.exitedAfterDisconnect = true;
process.on('disconnect', () => void stop());

try {
  prepared = await prepareApp(await loadApp(config.app ?? '', process.cwd()), config, { cwd: process.cwd(), logSink });
  const limit = config.maxRequests > 0 ? config.maxRequests + Math.floor(Math.random() * (config.maxRequestsJitter + 1)) : 0;
  let served = 0;
  const app = instrumentApp(prepared.detected, {
    started(label) {
      scoreboard.mark(label);
      if (++served === limit) void send({ tsgi: 'retire', served });
    },
    resumed: (label) => scoreboard.mark(label),
  });
  server = await start(app.app, prepared.config, logSink, (line) => process.stdout.write(line));
} catch (error) {
  // The supervisor logs it and decides: stop the server (exit 3), or keep the old workers (reload).
  await send({ tsgi: 'boot-failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(3);
}
await send({ tsgi: 'ready', url: server.url });
