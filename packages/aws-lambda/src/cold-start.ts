// Lifespan on Lambda: startup once per execution environment, before its first event; shutdown on
// SIGTERM, best effort (Lambda sends it only when an extension is registered, then waits ~500 ms).
import { type AsyncApp, type LogFn, type State, createLifespan } from '@tsgi/async';
import { MESSAGES } from './errors.js';
import type { ResolvedOptions } from './options.js';

/** The per-environment lifespan, as the handler drives it. */
export interface ColdStart {
  /** Shared with every request's scope (shallow-copied into each). */
  readonly state: State;
  /** True once startup succeeded: warm invocations then skip waiting on it. */
  readonly isReady: boolean;
  /** Runs startup the first time; later calls return the first outcome. Resolves false on failure. */
  ready(): Promise<boolean>;
  /** Runs startup the first time, rejecting with the app's LifespanError when it failed. */
  startup(): Promise<void>;
  shutdown(): Promise<void>;
}

type ProcessLike = {
  once?(signal: string, listener: () => void): unknown;
  kill?(pid: number, signal: string): unknown;
  pid?: number;
};

/** Creates the lifespan for an app; sync apps and `lifespan: 'off'` get the same surface, doing nothing. */
export function createColdStart(app: unknown, options: ResolvedOptions, log: LogFn): ColdStart {
  const mode = options.interface === 'sync' ? 'off' : options.lifespan;
  const lifespan = createLifespan(app as AsyncApp, { mode, log });
  let started: Promise<{ ok: true } | { ok: false; error: unknown }> | undefined;
  const startup = () =>
    (started ??= lifespan.startup().then(
      () => {
        if (mode !== 'off') shutdownOnSigterm(() => lifespan.shutdown(), log);
        coldStart.isReady = true;
        return { ok: true as const };
      },
      (error: unknown) => {
        log('error', MESSAGES.lifespanFailed, error);
        return { ok: false as const, error };
      },
    ));
  const coldStart = {
    state: lifespan.state,
    isReady: false,
    ready: async () => (await startup()).ok,
    async startup() {
      const outcome = await startup();
      if (!outcome.ok) throw outcome.error;
    },
    shutdown: () => lifespan.shutdown(),
  };
  return coldStart;
}

/** Inside a Lambda runtime (the `awslambda` global exists), runs shutdown on SIGTERM, then exits as usual. */
function shutdownOnSigterm(shutdown: () => Promise<void>, log: LogFn): void {
  const runtime = globalThis as { awslambda?: unknown; process?: ProcessLike };
  const proc = runtime.process;
  if (runtime.awslambda === undefined || typeof proc?.once !== 'function') return;
  proc.once('SIGTERM', () => {
    shutdown()
      .catch((error: unknown) => log('error', 'lifespan shutdown failed', error))
      // Our listener replaced the default action; with it gone, the re-raised signal ends the process.
      .finally(() => proc.kill?.(proc.pid ?? 0, 'SIGTERM'));
  });
}
