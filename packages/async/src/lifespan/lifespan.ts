// createLifespan: picks the lifespan implementation by mode (STYLE.md: a registry, not if chains).
import { LIFESPAN_MESSAGES } from '../messages.js';
import type { LogFn } from '../transport.js';
import type { AsyncApp } from '../types/app.js';
import type { State } from '../types/common.js';
import { LifespanOff } from './off.js';
import { LifespanOn } from './on.js';

/** The process's lifespan as a host drives it (async §5). */
export interface Lifespan {
  /** The state the app filled at startup; pass it to createScope, which copies it (async §5.4). */
  readonly state: State;
  /** Runs startup; rejects with a LifespanError when the app reports or raises a failure. */
  startup(): Promise<void>;
  /** Runs shutdown; rejects with a LifespanError when the app reports or raises a failure. */
  shutdown(): Promise<void>;
}

/** How a host runs lifespan (async §5.5). */
export interface LifespanOptions {
  /**
   * 'on' requires support; 'auto' treats an app that raises or returns before answering startup as
   * not supporting lifespan; 'off' never calls the app. @default 'auto'
   */
  mode?: 'auto' | 'on' | 'off';
  /** The state object the app fills. @default {} */
  state?: State;
  /** Where failures are reported. @default errors and warnings to the console */
  log?: LogFn;
  /**
   * How long startup and shutdown may each wait for the app's answer, in ms; past it the phase fails
   * with a LifespanError (async §2.6). `Infinity` waits forever. @default 60000
   */
  timeout?: number;
}

const MODES = {
  auto: (app, options) => new LifespanOn(app, 'auto', options),
  on: (app, options) => new LifespanOn(app, 'on', options),
  off: (_app, options) => new LifespanOff(options),
} satisfies Record<NonNullable<LifespanOptions['mode']>, (app: AsyncApp, options: LifespanOptions) => Lifespan>;

/**
 * Creates the lifespan driver for an app (async §5).
 *
 * @example
 * const lifespan = createLifespan(app, { mode: 'auto' });
 * await lifespan.startup();
 * const scope = createScope({ ...request, state: lifespan.state });
 * // ... serve ...
 * await lifespan.shutdown();
 */
export function createLifespan(app: AsyncApp, options: LifespanOptions = {}): Lifespan {
  const mode = options.mode ?? 'auto';
  const make = MODES[mode] as ((app: AsyncApp, options: LifespanOptions) => Lifespan) | undefined;
  if (!make) throw new TypeError(LIFESPAN_MESSAGES.badMode(mode));
  const { timeout } = options;
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0)) throw new TypeError(LIFESPAN_MESSAGES.badTimeout(timeout));
  return make(app, options);
}
