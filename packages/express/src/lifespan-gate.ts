// Lifespan for a mounted app: startup runs once, on the first request or an explicit ready(), and
// requests wait for it; shutdown runs once, on close(). Sync apps get the 'off' null object.
import { createLifespan, type AsyncApp, type LogFn, type State } from '@tsgi/async';

/** The lifespan of one mounted app, as the middleware drives it. */
export interface LifespanGate {
  /** Filled by the app at startup; node copies it into every scope (async §5.4). */
  readonly state: State;
  /** True once startup has completed. */
  readonly isReady: boolean;
  /** Starts startup on first call; later calls return the same promise. */
  ready(): Promise<void>;
  /** Runs shutdown once startup has settled (nothing if it never began); later calls share it. */
  shutdown(): Promise<void>;
}

/**
 * Creates the gate. `mode` is the async lifespan mode (async §5.5); `app` null means a sync app.
 *
 * @example
 * const gate = createLifespanGate(app, 'auto', log);
 * await gate.ready(); // startup complete, gate.state filled
 */
export function createLifespanGate(app: AsyncApp | null, mode: 'auto' | 'on' | 'off', log: LogFn): LifespanGate {
  const state: State = {};
  const lifespan = createLifespan(app ?? noApp, { mode: app === null ? 'off' : mode, state, log });
  let startup: Promise<void> | undefined;
  let shutdown: Promise<void> | undefined;
  let isReady = false;
  return {
    state,
    get isReady() {
      return isReady;
    },
    ready() {
      startup ??= lifespan.startup().then(() => {
        isReady = true;
      });
      return startup;
    },
    shutdown() {
      // async §5.3: shutdown follows a completed startup; a failed one has nothing to shut down.
      shutdown ??= startup === undefined ? Promise.resolve() : startup.then(() => lifespan.shutdown(), () => undefined);
      return shutdown;
    },
  };
}

const noApp: AsyncApp = () => Promise.resolve();
