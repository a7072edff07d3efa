// Turns the cases into vitest tests for one driver: one shared probe per interface, a fresh one
// for cases that need their own, unsupported cases registered as skipped with their reason.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { ConformanceInterface, Driver } from './driver.js';
import { planConformance } from './plan.js';
import { type ServedProbe, runCase, serveProbe } from './run-case.js';

/** Options for `describeConformance`. */
export interface DescribeConformanceOptions {
  /** Which interfaces to run. @default ['sync', 'async'] */
  interfaces?: ConformanceInterface[];
  /** Per-test timeout in milliseconds (an 8 MiB body crosses the host). @default 20000 */
  timeout?: number;
}

/**
 * Registers the conformance suite for a driver as vitest `describe`/`it` blocks: one block per
 * interface, one test per case titled with its id. Cases in `driver.unsupported` are registered
 * with `it.skip`, the reason in the title. Throws at once for an unknown id or an empty reason.
 *
 * @example
 * // test/conformance.test.ts
 * import { describeConformance } from '@tsgi/conformance';
 * import { nodeDriver } from './node-driver.js';
 * describeConformance(nodeDriver);
 */
export function describeConformance(driver: Driver, options: DescribeConformanceOptions = {}): void {
  const groups = planConformance(driver, options.interfaces ?? ['sync', 'async']);
  const timeout = options.timeout ?? 20_000;
  describe(`conformance: ${driver.name}`, () => {
    for (const group of groups) {
      describe(group.title, () => {
        let shared: ServedProbe | undefined;
        beforeAll(async () => {
          if (!group.allSkipped) shared = await serveProbe(driver, group.interface);
        }, timeout);
        afterAll(() => shared?.served.stop(), timeout);
        for (const test of group.tests) {
          if (test.skip !== undefined) {
            it.skip(test.title, () => {});
            continue;
          }
          it(test.title, () => {
            if (shared === undefined) throw new Error(`conformance: '${driver.name}' never served the ${group.interface} probe`);
            return runCase(driver, group.interface, shared, test.case);
          }, timeout);
        }
      });
    }
  });
}
