// Turns the cases into vitest tests for one driver: one shared probe per interface, a fresh one
// for cases that need their own, unsupported cases registered as skipped with their reason.
import { afterAll, beforeAll, describe, it, vi } from 'vitest';
import { cases } from './cases/index.js';
import type { CaseContext, ConformanceCase } from './cases/types.js';
import type { ConformanceInterface, Driver, Served } from './driver.js';
import { DriverConfigError, MESSAGES } from './errors.js';
import { createProbeApp } from './probe/create-probe-app.js';
import type { Journal } from './probe/journal.js';
import type { ProbeOptions } from './probe/options.js';
import { listUnsupported } from './unsupported.js';

/** Options for `describeConformance`. */
export interface DescribeConformanceOptions {
  /** Which interfaces to run. @default ['sync', 'async'] */
  interfaces?: ConformanceInterface[];
  /** Per-test timeout in milliseconds (an 8 MiB body crosses the host). @default 20000 */
  timeout?: number;
}

interface Shared {
  served: Served;
  journal: Journal;
}

async function runCase(driver: Driver, kind: ConformanceInterface, shared: Shared | undefined, c: ConformanceCase): Promise<void> {
  if (shared === undefined) throw new Error(`conformance: the ${kind} probe was never served by '${driver.name}'`);
  if (c.features.includes('websocket') && shared.served.websocket === undefined) {
    throw new DriverConfigError(driver.name, MESSAGES.noWebSocket(driver.name));
  }
  // A host may log the app's error, or a client that left; that output is expected here.
  if (c.mayLogErrors === true) vi.spyOn(console, 'error').mockImplementation(() => {});
  const extra: Served[] = [];
  const serve = async (options: ProbeOptions): Promise<Shared> => {
    const probe = createProbeApp(kind, options);
    const served = await driver.start(probe.app, { interface: kind });
    let stopped = false;
    const once: Served = {
      request: (req) => served.request(req),
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await served.stop();
      },
    };
    if (served.websocket !== undefined) once.websocket = (target, opts) => served.websocket!(target, opts);
    extra.push(once);
    return { served: once, journal: probe.journal };
  };
  const ctx: CaseContext = { interface: kind, served: shared.served, journal: shared.journal, serve };
  try {
    await c.run(ctx);
  } finally {
    await Promise.all(extra.map((s) => s.stop()));
  }
}

/**
 * Registers the conformance suite for a driver as vitest `describe`/`it` blocks: one block per
 * interface, one test per case titled with its id. Cases in `driver.unsupported` are registered
 * with `it.skip`, the reason in the title.
 *
 * @example
 * // test/conformance.test.ts
 * import { describeConformance } from '@tsgi/conformance';
 * import { nodeDriver } from './node-driver.js';
 * describeConformance(nodeDriver);
 */
export function describeConformance(driver: Driver, options: DescribeConformanceOptions = {}): void {
  const unsupported = new Map(listUnsupported(driver).map((u) => [u.id, u.reason]));
  const timeout = options.timeout ?? 20_000;
  describe(`conformance: ${driver.name}`, () => {
    for (const kind of options.interfaces ?? (['sync', 'async'] as const)) {
      describe(`${kind} interface`, () => {
        const applicable = cases.filter((c) => c.interfaces.includes(kind));
        let shared: Shared | undefined;
        beforeAll(async () => {
          if (applicable.every((c) => unsupported.has(c.id))) return;
          const probe = createProbeApp(kind);
          shared = { served: await driver.start(probe.app, { interface: kind }), journal: probe.journal };
        }, timeout);
        afterAll(async () => {
          await shared?.served.stop();
        }, timeout);
        for (const c of applicable) {
          const reason = unsupported.get(c.id);
          if (reason === undefined) it(`${c.id}: ${c.description}`, () => runCase(driver, kind, shared, c), timeout);
          else it.skip(`${c.id} [unsupported: ${reason}]: ${c.description}`, () => {});
        }
      });
    }
  });
}
