// One entry for both probes: the app plus the journal of what it observed out of band.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import type { ConformanceInterface } from '../driver.js';
import { createAsyncProbe } from './async-app.js';
import { Journal } from './journal.js';
import type { ProbeOptions } from './options.js';
import { createSyncProbe } from './sync-app.js';

/** A probe app, its journal, and what it was created with. */
export interface Probe<K extends ConformanceInterface = ConformanceInterface> {
  interface: K;
  app: K extends 'sync' ? SyncApp : AsyncApp;
  journal: Journal;
  options: ProbeOptions;
}

// Drivers that serve the app in another process (a Deno or workerd runtime) recreate the probe
// there and need to know which one they were handed; the app function is the only handle they get.
// One registry per realm, shared by every entry point and copy of this package (CJS builds inline
// modules per entry).
const REGISTRY = Symbol.for('tsgi.conformance.probes');
const registry = globalThis as { [REGISTRY]?: WeakMap<SyncApp | AsyncApp, Probe> };
const probes = (registry[REGISTRY] ??= new WeakMap());

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
  const probe: Probe<K> = { interface: kind, app: app as Probe<K>['app'], journal, options: { ...options } };
  probes.set(app, probe);
  return probe;
}

/**
 * The probe behind an app `Driver.start` received, or undefined for any other app. A driver that
 * serves apps out of process uses it to build the same probe there and mirror its journal entries.
 *
 * @example
 * const probe = probeOf(app);
 * if (probe) remote.start({ kind: probe.interface, options: probe.options }); // entries → probe.journal
 */
export const probeOf = (app: SyncApp | AsyncApp): Probe | undefined => probes.get(app);
