// @tsgi/conformance/probe: the probe apps alone, without the vitest runner, for drivers that serve
// them inside another runtime (Deno, Bun, workerd) or by hand.
export { createProbeApp, probeOf, type Probe } from './probe/create-probe-app.js';
export { Journal, JOURNAL_WAIT_MS, type JournalEntry } from './probe/journal.js';
export { PROBE_RAISE_MESSAGE, PROBE_STARTUP_FAILURE, PROBE_STATE, type ProbeOptions } from './probe/options.js';
export type { ProbeReport } from './probe/report.js';
export { PROBE_ROUTES, PROBE_WS_ROUTES } from './probe/routes.js';
