// Lifespan startup, once per isolate, before the first request: concurrent first requests all wait
// for the same startup, and later requests skip the gate with one boolean check.
import type { Lifespan, LogFn } from '@tsgi/async';
import { SERVE_MESSAGES } from '../messages.js';

/** Runs startup on first use and remembers how it went. */
export class StartupGate {
  /** True once startup succeeded: the hot path reads only this. */
  ready = false;
  #started: Promise<void> | undefined;
  #outcome: Promise<boolean> | undefined;

  constructor(
    private readonly lifespan: Lifespan,
    private readonly log: LogFn,
  ) {}

  /**
   * Runs startup (once); rejects with the app's LifespanError when it fails. A failure is final, as
   * a server process would exit (async §5.5): it is logged once, here, and requests are refused.
   */
  open(): Promise<void> {
    this.#started ??= this.lifespan.startup().then(
      () => {
        this.ready = true;
      },
      (error: unknown) => {
        this.log('error', SERVE_MESSAGES.startupFailed, error);
        throw error;
      },
    );
    return this.#started;
  }

  /** Resolves true once startup succeeded, false when it failed. */
  wait(): Promise<boolean> {
    this.#outcome ??= this.open().then(
      () => true,
      () => false,
    );
    return this.#outcome;
  }
}
