// docs/spec/async.md §5: lifespan.
import type { State, TsgiVersion } from './common.js';

/** The process's life, from startup to shutdown (async §5.1). */
export interface LifespanScope {
  type: 'lifespan';
  tsgi: TsgiVersion;
  /** Filled at startup; shallow-copied into every later scope. */
  state?: State;
}

export interface LifespanStartupEvent {
  type: 'lifespan.startup';
}
export interface LifespanShutdownEvent {
  type: 'lifespan.shutdown';
}
export interface LifespanStartupCompleteEvent {
  type: 'lifespan.startup.complete';
}
export interface LifespanStartupFailedEvent {
  type: 'lifespan.startup.failed';
  /** @default '' */
  message?: string;
}
export interface LifespanShutdownCompleteEvent {
  type: 'lifespan.shutdown.complete';
}
export interface LifespanShutdownFailedEvent {
  type: 'lifespan.shutdown.failed';
  /** @default '' */
  message?: string;
}

export type LifespanReceiveEvent = LifespanStartupEvent | LifespanShutdownEvent;

export type LifespanSendEvent =
  | LifespanStartupCompleteEvent
  | LifespanStartupFailedEvent
  | LifespanShutdownCompleteEvent
  | LifespanShutdownFailedEvent;
