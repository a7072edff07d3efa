// A runtime in another process runs its own copy of the probe, so the driver needs to know which
// probe it was handed: its interface, options and journal (to mirror the remote entries into).
import type { AsyncApp } from '@tsgi/async';
import { probeOf, type Journal, type ProbeOptions } from '@tsgi/conformance';
import type { SyncApp } from '@tsgi/sync';

/** What the driver needs to serve the same probe elsewhere. */
export interface ProbeIdentity {
  journal: Journal;
  options: ProbeOptions;
}

/** The probe behind `app`; throws for any other app, which a remote runtime cannot rebuild. */
export function identifyProbe(app: SyncApp | AsyncApp): ProbeIdentity {
  const probe = probeOf(app);
  if (probe === undefined) throw new Error('this driver serves only @tsgi/conformance probe apps (createProbeApp)');
  return { journal: probe.journal, options: probe.options };
}
