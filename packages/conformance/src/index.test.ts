import { describe, expect, it } from 'vitest';
import * as entry from './index.js';

describe('@tsgi/conformance entry', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(entry).sort()).toEqual([
      'CASE_IDS',
      'DriverConfigError',
      'HandshakeDeniedError',
      'JOURNAL_WAIT_MS',
      'Journal',
      'MESSAGES',
      'PROBE_RAISE_MESSAGE',
      'PROBE_ROUTES',
      'PROBE_STARTUP_FAILURE',
      'PROBE_STATE',
      'PROBE_WS_ROUTES',
      'cases',
      'createProbeApp',
      'createSocketAdapter',
      'describeConformance',
      'isDriverConfigError',
      'isHandshakeDeniedError',
      'listUnsupported',
      'referenceDriver',
      'runConformanceCase',
    ]);
  });
});
