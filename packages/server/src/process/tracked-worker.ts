// One worker process as the supervisor sees it: its generation, its state, its last heartbeat.
import type { Worker } from 'node:cluster';
import type { Readable } from 'node:stream';
import { HEARTBEAT_FD, parseHeartbeat, type Heartbeat, type StopMessage } from './ipc.js';

/** starting → ready → stopping (asked to leave; its exit is expected). A starting worker may stop too. */
export type WorkerState = 'starting' | 'ready' | 'stopping';

/** The supervisor's record of one worker. */
export class TrackedWorker {
  state: WorkerState = 'starting';
  readonly startedAt = Date.now();
  readyAt = 0;
  /** Asked to be replaced (--max-requests); it serves until its replacement is ready. */
  retire = false;
  /** The last heartbeat, and when it came. */
  heartbeat: Heartbeat | null = null;
  heardAt = 0;
  /** Why it failed to boot, as the worker reported it. */
  bootError: string | undefined;
  /** Set when the supervisor killed it for missing its heartbeat. */
  timedOut = false;
  private stopTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly worker: Worker,
    /** Workers of an older generation are replaced by a reload. */
    public generation: number,
  ) {
    const pipe = worker.process.stdio[HEARTBEAT_FD] as Readable | null | undefined;
    if (!pipe) return;
    pipe.setEncoding('latin1');
    let partial = '';
    pipe.on('data', (text: string) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      const last = lines.at(-1);
      const beat = last === undefined ? null : parseHeartbeat(last);
      if (beat) {
        this.heartbeat = beat;
        this.heardAt = Date.now();
      }
    });
    pipe.on('error', () => undefined);
  }

  get pid(): number {
    return this.worker.process.pid ?? 0;
  }

  /**
   * Asks the worker to stop gracefully (SIGTERM if it is still booting or IPC is gone), and kills
   * it if it is still there after `killAfterMs`.
   */
  stop(killAfterMs: number, onKill: () => void): void {
    const booting = this.state === 'starting';
    this.state = 'stopping';
    const message: StopMessage = { tsgi: 'stop' };
    if (booting || !this.worker.isConnected()) this.signal('SIGTERM');
    else this.worker.send(message, undefined, (error: Error | null) => error && this.signal('SIGTERM'));
    this.stopTimer = setTimeout(() => {
      onKill();
      this.signal('SIGKILL');
    }, killAfterMs);
    this.stopTimer.unref();
  }

  signal(name: NodeJS.Signals): void {
    try {
      this.worker.process.kill(name);
    } catch {
      // Already gone.
    }
  }

  dispose(): void {
    clearTimeout(this.stopTimer);
  }
}
