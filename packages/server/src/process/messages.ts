// Every line the process model logs or refuses with, in one place; tests import them (STYLE.md: Errors).

const s = (seconds: number): string => `${Math.round(seconds * 10) / 10}s`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the supervisor, its workers and the thread pool say. */
export const PROCESS_MESSAGES = {
  reloadWithWorkers: (workers: number) =>
    `--reload restarts a single worker when files change; it cannot be combined with --workers ${workers}`,
  threadsNeedSync: (threads: number) =>
    `--threads ${threads} runs a sync app on worker threads, but this app is async (it never blocks the event loop); drop --threads or serve its sync face with --interface sync`,
  threadsNeedModule: '--threads loads the app in each thread, so it needs the app as MODULE[:EXPORT], not an object',
  cannotListen: (where: string, reason: string) => `cannot listen on ${where}: ${reason}`,
  starting: (workers: number, pid: number) => `supervisor ${pid} starting ${plural(workers, 'worker')}`,
  ready: (workers: number, url: string, pid: number) => `ready: ${plural(workers, 'worker')} listening on ${url} (supervisor pid ${pid})`,
  workerBooted: (pid: number, generation: number) => `worker ${pid} ready (generation ${generation})`,
  bootFailed: (pid: number, reason: string) => `worker ${pid} failed to boot: ${reason}`,
  bootFatal: 'a worker failed to boot; stopping the server (exit code 3)',
  bootTimedOut: (seconds: number) => `it did not become ready within ${s(seconds)}`,
  exited: (pid: number, how: string, uptime: number) => `worker ${pid} ${how} after ${s(uptime)}`,
  replacing: (delay: number, streak: number) =>
    delay === 0 ? 'replacing it' : `replacing it in ${s(delay)} (${streak} ${streak === 1 ? 'crash' : 'crashes'} in a row)`,
  timedOut: (pid: number, seconds: number, request: string) =>
    `worker ${pid} timed out: its event loop was blocked for ${s(seconds)} while running ${request}; killing it`,
  silent: (pid: number, seconds: number, request: string) =>
    `worker ${pid} timed out: no heartbeat for ${s(seconds)} (last request ${request}); killing it`,
  retiring: (pid: number, served: number) => `worker ${pid} served ${served} requests (its --max-requests limit); replacing it`,
  stoppingWorker: (pid: number, why: string) => `stopping worker ${pid} (${why})`,
  killStraggler: (pid: number, seconds: number) => `worker ${pid} still running ${s(seconds)} after it was asked to stop; killing it`,
  reloading: (signal: string, generation: number) => `${signal}: reloading the app (generation ${generation})`,
  reloadDone: (generation: number, workers: number) => `reload complete: ${plural(workers, 'worker')} of generation ${generation} serving`,
  reloadFailed: (reason: string, kept: number) =>
    `reload failed, ${plural(kept, 'worker')} ${kept === 1 ? 'keeps' : 'keep'} serving the previous code: ${reason}`,
  waitingForChange: (reason: string) => `the app failed to load: ${reason}; waiting for a file change`,
  changed: (file: string) => `${file} changed; reloading`,
  resized: (signal: string, workers: number) => `${signal}: now ${plural(workers, 'worker')}`,
  minimumWorkers: 'SIGTTOU: already at 1 worker',
  stopping: (signal: string) => `received ${signal}: stopping workers gracefully`,
  forcing: (signal: string) => `received ${signal} again: killing workers now`,
  stopped: 'supervisor stopped',
  threadTimedOut: (seconds: number, request: string) =>
    `a worker thread was stuck for ${s(seconds)} on ${request}; replaced it`,
  threadDied: (reason: string, request: string | null) =>
    `a worker thread died (${reason})${request === null ? '' : ` while running ${request}`}; replacing it`,
  threadBootFailed: (reason: string) => `a worker thread failed to load the app: ${reason}`,
} as const;
