import { describe, expect, it } from 'vitest';
import * as casesEntry from './cases-entry.js';
import * as entry from './index.js';
import * as nodeEntry from './node-entry.js';
import * as probeEntry from './probe-entry.js';

describe('@tsgi/conformance entries', () => {
  it('exports exactly these runtime names from the main entry', () => {
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
      'probeOf',
      'referenceDriver',
      'runConformanceCase',
    ]);
  });

  it('exports the catalogue from ./cases, the probes from ./probe and the client from ./node', () => {
    expect(Object.keys(casesEntry).sort()).toEqual(['CASE_IDS', 'cases', 'listUnsupported']);
    expect(Object.keys(probeEntry).sort()).toEqual([
      'JOURNAL_WAIT_MS',
      'Journal',
      'PROBE_RAISE_MESSAGE',
      'PROBE_ROUTES',
      'PROBE_STARTUP_FAILURE',
      'PROBE_STATE',
      'PROBE_WS_ROUTES',
      'createProbeApp',
      'probeOf',
    ]);
    expect(Object.keys(nodeEntry)).toEqual(['createHttpClient']);
  });
});
