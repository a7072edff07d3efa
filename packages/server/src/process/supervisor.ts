// The supervising primary: keeps `target` workers of the current generation serving. It does no
// request work. Every event (ready, exit, signal, heartbeat) updates state and calls tick(), which
// starts, replaces and retires workers until the set matches what is wanted (see README.md).
import type { LogFn } from '@tsgi/async';
import cluster from 'node:cluster';
import type { ServerConfig } from '../config/server-config.js';
import { isWorkerMessage, type WorkerMessage } from './ipc.js';
import { PROCESS_MESSAGES as M } from './messages.js';
import { DEFAULT_TIMEOUT } from './options.js';
import { bootLimit, crashBackoff, heartbeatInterval, STABLE_MS, STOP_SLACK_MS } from './timing.js';
import { TrackedWorker } from './tracked-worker.js';

/** How the supervisor runs. */
export interface SupervisorOptions {
  /** --reload: a worker that fails to boot waits for the next change instead of stopping the server. */
  development: boolean;
  /** Exported to each worker: the resolved config, as JSON. */
  env: Record<string, string>;
}

/** The supervisor's state machine; run-supervisor.ts wires it to signals and the CLI. */
export class Supervisor {
  /** Resolves with the exit code once every worker has exited after stop(). */
  readonly finished: Promise<number>;
  private resolveFinished!: (code: number) => void;
  private readonly workers = new Set<TrackedWorker>();
  private target: number;
  private generation = 1;
  /** A generation whose workers failed to boot: not started again until the next reload. */
  private blocked = 0;
  private phase: 'booting' | 'running' | 'stopping' = 'booting';
  private reloading = false;
  private crashStreak = 0;
  private respawnAt = 0;
  private respawnTimer: NodeJS.Timeout | undefined;
  private monitor: NodeJS.Timeout | undefined;
  private exitCode = 0;
  private url = '';
  private readonly timeoutMs: number;

  constructor(
    private readonly config: ServerConfig,
    private readonly log: LogFn,
    private readonly options: SupervisorOptions,
  ) {
    this.target = config.workers ?? 1;
    this.timeoutMs = (config.timeout ?? DEFAULT_TIMEOUT) * 1000;
    this.finished = new Promise((resolve) => (this.resolveFinished = resolve));
  }

  start(): void {
    this.log('info', M.starting(this.target, process.pid));
    const interval = heartbeatInterval(this.timeoutMs / 1000 || DEFAULT_TIMEOUT);
    this.monitor = setInterval(() => this.checkHeartbeats(), interval);
    this.tick();
  }

  /** SIGHUP or a file change: replace every worker with one running freshly loaded code. */
  reload(reason: string): void {
    if (this.phase === 'stopping') return;
    this.generation++;
    this.reloading = true;
    this.log('info', reason.startsWith('SIG') ? M.reloading(reason, this.generation) : M.changed(reason));
    this.tick();
  }

  /** SIGTTIN (+1) / SIGTTOU (−1). */
  resize(delta: number, signal: string): void {
    if (this.phase === 'stopping') return;
    if (this.target + delta < 1) return this.log('info', M.minimumWorkers);
    this.target += delta;
    this.log('info', M.resized(signal, this.target));
    this.tick();
  }

  /** Stops every worker gracefully; `finished` resolves with `code` once they are gone. */
  stop(signal: string | null, code = 0): void {
    if (this.phase === 'stopping') return;
    this.phase = 'stopping';
    this.exitCode = code;
    clearTimeout(this.respawnTimer);
    if (signal !== null) this.log('info', M.stopping(signal));
    for (const worker of this.workers) if (worker.state !== 'stopping') this.retire(worker, 'shutdown');
    this.finishIfDone();
  }

  /** A second SIGINT/SIGTERM: no more waiting. */
  force(signal: string): void {
    this.log('warn', M.forcing(signal));
    this.exitCode = 1;
    for (const worker of this.workers) worker.signal('SIGKILL');
  }

  private spawn(): void {
    const worker = new TrackedWorker(cluster.fork(this.options.env), this.generation);
    this.workers.add(worker);
    worker.worker.on('message', (message: unknown) => {
      if (isWorkerMessage(message)) this.onMessage(worker, message);
    });
    worker.worker.on('exit', (code: number | null, signal: string | null) => this.onExit(worker, code, signal));
    worker.worker.on('error', (error: Error) => this.log('debug', `worker ${worker.pid}: ${error.message}`));
  }

  private onMessage(worker: TrackedWorker, message: WorkerMessage): void {
    if (message.tsgi === 'boot-failed') worker.bootError = message.message;
    else if (message.tsgi === 'retire' && worker.state === 'ready') {
      worker.retire = true;
      this.log('info', M.retiring(worker.pid, message.served));
    } else if (message.tsgi === 'ready' && worker.state === 'starting') {
      worker.state = 'ready';
      worker.readyAt = Date.now();
      this.url ||= message.url;
      this.log('info', M.workerBooted(worker.pid, worker.generation));
    }
    this.tick();
  }

  private onExit(worker: TrackedWorker, code: number | null, signal: string | null): void {
    this.workers.delete(worker);
    worker.dispose();
    if (this.phase === 'stopping') return this.finishIfDone();
    if (worker.state === 'stopping') return this.tick();
    if (worker.state === 'starting') return this.bootFailed(worker, worker.bootError ?? describeExit(code, signal));
    const now = Date.now();
    this.crashStreak = now - worker.readyAt < STABLE_MS ? this.crashStreak + 1 : 1;
    const delay = crashBackoff(this.crashStreak);
    this.respawnAt = now + delay;
    const how = worker.timedOut ? 'was killed for missing its heartbeat' : describeExit(code, signal);
    this.log(worker.timedOut ? 'info' : 'warn', `${M.exited(worker.pid, how, (now - worker.readyAt) / 1000)}; ${M.replacing(delay / 1000, this.crashStreak)}`);
    this.tick();
  }

  private bootFailed(worker: TrackedWorker, reason: string): void {
    this.log('error', M.bootFailed(worker.pid, reason));
    // A worker of an older generation was on its way out anyway.
    if (worker.generation !== this.generation) return this.tick();
    const serving = [...this.workers].filter((other) => other.state === 'ready');
    if (this.options.development || (this.reloading && serving.length > 0)) {
      // The previous code keeps serving; nothing restarts until the next reload or change.
      this.blocked = this.generation;
      this.reloading = false;
      for (const other of this.workers) {
        if (other.state === 'starting') this.retire(other, 'reload failed');
        else other.generation = this.generation;
      }
      this.log('error', this.options.development ? M.waitingForChange(reason) : M.reloadFailed(reason, serving.length));
      return this.tick();
    }
    this.log('error', M.bootFatal);
    this.stop(null, 3);
  }

  private tick(): void {
    if (this.phase === 'stopping') return;
    const live = [...this.workers].filter((worker) => worker.state !== 'stopping');
    const isCurrent = (worker: TrackedWorker): boolean => worker.generation === this.generation && !worker.retire;
    const current = live.filter(isCurrent);
    const stale = live.filter((worker) => !isCurrent(worker));
    // A stale worker still booting serves nobody: stop it now (SIGHUP while a worker starts).
    for (const worker of stale) if (worker.state === 'starting') this.retire(worker, 'superseded by a reload');
    if (this.blocked !== this.generation) this.fill(current.length);
    // Keep at least `target` workers serving: retire stale ones only as current ones become ready.
    const readyCurrent = current.filter((worker) => worker.state === 'ready').length;
    const readyStale = stale.filter((worker) => worker.state === 'ready');
    while (readyStale.length > 0 && readyCurrent + readyStale.length > this.target) {
      this.retire(readyStale.shift() as TrackedWorker, 'replaced');
    }
    // SIGTTOU: the newest go first, still-booting ones before serving ones.
    const excess = [...current].sort((a, b) => Number(a.state === 'ready') - Number(b.state === 'ready') || b.startedAt - a.startedAt);
    for (let n = current.length - this.target; n > 0; n--) this.retire(excess.shift() as TrackedWorker, 'fewer workers wanted');
    this.announce(readyCurrent, readyStale.length);
  }

  /** Starts workers of the current generation up to the target, after any crash backoff. */
  private fill(have: number): void {
    const missing = this.target - have;
    if (missing <= 0) return;
    const wait = this.respawnAt - Date.now();
    if (wait > 0) {
      this.respawnTimer ??= setTimeout(() => {
        this.respawnTimer = undefined;
        this.tick();
      }, wait);
      return;
    }
    for (let n = 0; n < missing; n++) this.spawn();
  }

  private announce(readyCurrent: number, readyStale: number): void {
    if (readyCurrent < this.target) return;
    if (this.phase === 'booting') {
      this.phase = 'running';
      this.reloading = false;
      this.log('info', M.ready(this.target, this.url, process.pid));
    } else if (this.reloading && readyStale === 0 && ![...this.workers].some((w) => w.state === 'starting' && w.generation !== this.generation)) {
      this.reloading = false;
      this.log('info', M.reloadDone(this.generation, this.target));
    }
  }

  private retire(worker: TrackedWorker, why: string): void {
    if (why !== 'shutdown') this.log('info', M.stoppingWorker(worker.pid, why));
    const graceMs = this.config.timeoutGracefulShutdown * 1000 + STOP_SLACK_MS;
    worker.stop(graceMs, () => this.log('warn', M.killStraggler(worker.pid, graceMs / 1000)));
  }

  private checkHeartbeats(): void {
    const now = Date.now();
    for (const worker of this.workers) {
      if (worker.state === 'starting') {
        const limit = bootLimit(this.timeoutMs / 1000);
        if (now - worker.startedAt > limit) {
          worker.bootError = M.bootTimedOut(limit / 1000);
          worker.signal('SIGKILL');
        }
        continue;
      }
      if (this.timeoutMs <= 0 || worker.timedOut) continue;
      const beat = worker.heartbeat;
      const silentMs = now - Math.max(worker.heardAt, worker.readyAt);
      if (beat !== null && beat.lagMs >= this.timeoutMs) this.kill(worker, M.timedOut(worker.pid, beat.lagMs / 1000, beat.request));
      else if (silentMs > this.timeoutMs + 2 * heartbeatInterval(this.timeoutMs / 1000)) this.kill(worker, M.silent(worker.pid, silentMs / 1000, beat?.request ?? '-'));
    }
  }

  private kill(worker: TrackedWorker, message: string): void {
    this.log('error', message);
    worker.timedOut = true;
    worker.signal('SIGKILL');
  }

  private finishIfDone(): void {
    if (this.workers.size > 0) return;
    clearInterval(this.monitor);
    this.log('info', M.stopped);
    this.resolveFinished(this.exitCode);
  }
}

function describeExit(code: number | null, signal: string | null): string {
  return signal !== null ? `was killed by ${signal}` : `exited with code ${code ?? 0}`;
}
