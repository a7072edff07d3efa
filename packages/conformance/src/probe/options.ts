// How a probe app behaves where one shared instance cannot cover a case (lifespan outcomes).

/** Options for `createProbeApp`. */
export interface ProbeOptions {
  /**
   * What the async probe does with a lifespan scope: 'complete' fills `scope.state` and completes
   * startup and shutdown, 'fail' answers `lifespan.startup.failed`, 'raise' throws at once (an app
   * without lifespan support). Sync apps have no lifespan. @default 'complete'
   */
  lifespan?: 'complete' | 'fail' | 'raise';
}

/** What the probe puts in `scope.state` at startup; requests report it back. */
export const PROBE_STATE = { probe: 'ready', startedBy: 'lifespan.startup' } as const;

/** The message the probe gives with `lifespan.startup.failed`. */
export const PROBE_STARTUP_FAILURE = 'probe: startup refused on purpose';

/** The message of the errors the probe throws on purpose ('/raise-before', '/raise-after', ...). */
export const PROBE_RAISE_MESSAGE = 'probe: raised on purpose';
