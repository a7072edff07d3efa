// @tsgi/conformance: one suite for every tsgi server and adapter.

// The driver contract
export type {
  ConformanceInterface,
  ConformanceRequest,
  ConformanceResponse,
  ConformanceSocket,
  Driver,
  Served,
  StartOptions,
  WebSocketOptions,
} from './driver.js';

// Helpers for drivers
export { createSocketAdapter, type SocketAdapter, type SocketAdapterOptions } from './socket-adapter.js';

// Cases
export { CASE_IDS, type CaseId } from './case-id.js';
export { cases } from './cases/index.js';
export type { CaseContext, ConformanceCase, Feature } from './cases/types.js';

// Running the suite
export { describeConformance, type DescribeConformanceOptions } from './describe-conformance.js';
export { listUnsupported, type UnsupportedCase } from './unsupported.js';
export { runConformanceCase } from './run-case.js';
export { referenceDriver } from './reference-driver.js';

// Probe apps
export { createProbeApp, probeOf, type Probe } from './probe/create-probe-app.js';
export { Journal, JOURNAL_WAIT_MS, type JournalEntry } from './probe/journal.js';
export { PROBE_RAISE_MESSAGE, PROBE_STARTUP_FAILURE, PROBE_STATE, type ProbeOptions } from './probe/options.js';
export type { ProbeReport } from './probe/report.js';
export { PROBE_ROUTES, PROBE_WS_ROUTES } from './probe/routes.js';

// Errors
export {
  DriverConfigError,
  HandshakeDeniedError,
  MESSAGES,
  isDriverConfigError,
  isHandshakeDeniedError,
} from './errors.js';
