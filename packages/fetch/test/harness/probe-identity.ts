// A runtime in another process runs its own copy of the probe, so the driver must know which probe
// it was handed: its interface's journal (to mirror the remote entries into) and its lifespan
// option. @tsgi/conformance passes only the app to Driver.start, so this asks the app itself, in
// this process, with the journal muted so nothing is recorded twice.
// TODO(conformance): replace with a `probeOf(app)` export if @tsgi/conformance adds one.
import type { AsyncApp, LifespanSendEvent, ReceiveEvent } from '@tsgi/async';
import { Journal, type ProbeOptions } from '@tsgi/conformance';
import { createEnviron, type SyncApp } from '@tsgi/sync';

/** What the driver needs to serve the same probe elsewhere. */
export interface ProbeIdentity {
  /** The probe's journal; absent for an async probe that raises on lifespan (it journals nothing there). */
  journal: Journal | undefined;
  options: ProbeOptions;
}

/** Runs `call` with Journal.record muted; returns the journal it was called on, if any. */
async function captureJournal(call: () => unknown): Promise<Journal | undefined> {
  const record = Object.getOwnPropertyDescriptor(Journal.prototype, 'record');
  const journals: Journal[] = [];
  Journal.prototype.record = function (this: Journal) {
    journals.push(this);
  };
  try {
    await call();
  } finally {
    Object.defineProperty(Journal.prototype, 'record', record!);
  }
  return journals[0];
}

export async function identifyProbe(app: SyncApp | AsyncApp, kind: 'sync' | 'async'): Promise<ProbeIdentity> {
  if (kind === 'sync') {
    // '/close' journals 'body.close' when the body is closed: the cheapest route that records.
    const environ = createEnviron({ method: 'GET', target: '/close?token=identify', headers: [] });
    const journal = await captureJournal(() => (app as SyncApp)(environ, () => () => undefined).close?.());
    return { journal, options: {} };
  }
  const seen: { answer: LifespanSendEvent['type'] | 'raise' } = { answer: 'raise' };
  let received = false;
  let answered!: () => void;
  const sent = new Promise<void>((resolve) => (answered = resolve));
  const journal = await captureJournal(async () => {
    const run = (app as AsyncApp)(
      { type: 'lifespan', tsgi: { version: '1.0', specVersion: '1.0' }, state: {} },
      () => {
        if (received) return new Promise<ReceiveEvent>(() => undefined);
        received = true;
        return Promise.resolve({ type: 'lifespan.startup' });
      },
      (event) => {
        seen.answer = (event as LifespanSendEvent).type;
        answered();
        return Promise.resolve();
      },
    );
    // The probe answers startup (complete or failed), or raises before receiving.
    await Promise.race([run.catch(() => undefined), sent]);
  });
  const lifespan = seen.answer === 'lifespan.startup.failed' ? 'fail' : seen.answer === 'raise' ? 'raise' : 'complete';
  return { journal, options: { lifespan } };
}
