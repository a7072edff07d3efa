// Running one case: serve what it needs, hand it a context, and always stop what was started.
import { expect, vi } from 'vitest';
import type { CaseId } from './case-id.js';
import { cases } from './cases/index.js';
import type { CaseContext, ConformanceCase } from './cases/types.js';
import type { ConformanceInterface, Driver, Served } from './driver.js';
import { DriverConfigError, MESSAGES } from './errors.js';
import { createProbeApp } from './probe/create-probe-app.js';
import type { Journal } from './probe/journal.js';
import type { ProbeOptions } from './probe/options.js';

/** A probe served by a driver, and its journal. */
export interface ServedProbe {
  served: Served;
  journal: Journal;
}

/** Serves a fresh probe; its `stop()` may be called any number of times and stops once. */
export async function serveProbe(driver: Driver, kind: ConformanceInterface, options: ProbeOptions = {}): Promise<ServedProbe> {
  const probe = createProbeApp(kind, options);
  const served = await driver.start(probe.app, { interface: kind });
  let stopping: Promise<void> | undefined;
  const once: Served = {
    request: (req) => served.request(req),
    stop: () => (stopping ??= served.stop()),
  };
  if (served.baseUrl !== undefined) once.baseUrl = served.baseUrl;
  if (served.websocket !== undefined) once.websocket = (target, opts) => served.websocket!(target, opts);
  return { served: once, journal: probe.journal };
}

/** Runs one case against an already served shared probe. */
export async function runCase(driver: Driver, kind: ConformanceInterface, shared: ServedProbe, c: ConformanceCase): Promise<void> {
  if (c.features.includes('websocket') && shared.served.websocket === undefined) {
    throw new DriverConfigError(driver.name, MESSAGES.noWebSocket(driver.name));
  }
  // A host may log the app's error, or a client that left; that output is expected here.
  if (c.mayLogErrors === true) vi.spyOn(console, 'error').mockImplementation(() => {});
  const extra: Served[] = [];
  const ctx: CaseContext = {
    expect,
    interface: kind,
    served: shared.served,
    journal: shared.journal,
    serve: async (options) => {
      const probe = await serveProbe(driver, kind, options);
      extra.push(probe.served);
      return probe;
    },
  };
  try {
    await c.run(ctx);
  } finally {
    await Promise.all(extra.map((s) => s.stop()));
  }
}

/**
 * Runs a single case outside describeConformance (to debug one failure); serves and stops its own
 * probe, and rejects with the case's assertion error.
 *
 * @example
 * await runConformanceCase(myDriver, 'http.path.encoded-slash', { interface: 'async' });
 */
export async function runConformanceCase(driver: Driver, id: CaseId, options: { interface: ConformanceInterface }): Promise<void> {
  const found = cases.find((c) => c.id === id);
  if (found === undefined) throw new DriverConfigError(driver.name, MESSAGES.unknownCase(driver.name, id));
  if (!found.interfaces.includes(options.interface)) {
    throw new DriverConfigError(driver.name, MESSAGES.wrongInterface(id, options.interface));
  }
  const shared = await serveProbe(driver, options.interface);
  try {
    await runCase(driver, options.interface, shared, found);
  } finally {
    await shared.served.stop();
  }
}
