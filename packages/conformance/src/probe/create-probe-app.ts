// One entry for both probes: the app plus the journal of what it observed out of band.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import type { ConformanceInterface } from '../driver.js';
import { createAsyncProbe } from './async-app.js';
import { Journal } from './journal.js';
import type { ProbeOptions } from './options.js';
import { createSyncProbe } from './sync-app.js';

/** A probe app and its journal. */
export interface Probe<K extends ConformanceInterface = ConformanceInterface> {
  interface: K;
  app: K extends 'sync' ? SyncApp : AsyncApp;
  journal: Journal;
}

/**
 * Creates the probe app for an interface: it answers JSON reports of what it received, and behaves
 * by path ('/echo', '/stream', '/status/204', '/raise-before', '/ws/echo', ...; see PROBE_ROUTES).
 *
 * @example
 * const { app, journal } = createProbeApp('async');
 * const res = await requestApp(app, { target: '/a%2Fb?x=1' }); // JSON: { path: '/a/b', rawPath: '/a%2Fb', ... }
 */
export function createProbeApp<K extends ConformanceInterface>(kind: K, options: ProbeOptions = {}): Probe<K> {
  const journal = new Journal();
  const app = kind === 'sync' ? createSyncProbe(journal) : createAsyncProbe(journal, options);
  return { interface: kind, app: app as Probe<K>['app'], journal };
}
