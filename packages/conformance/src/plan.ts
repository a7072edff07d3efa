// Which tests describeConformance registers, as data: what runs, what is skipped and why.
import type { ConformanceCase } from './cases/types.js';
import { cases } from './cases/index.js';
import type { ConformanceInterface, Driver } from './driver.js';
import { listUnsupported } from './unsupported.js';

/** One test to register. */
export interface PlannedTest {
  case: ConformanceCase;
  title: string;
  /** Set when the driver declared the case unsupported: the reason. */
  skip?: string;
}

/** The tests for one interface. */
export interface PlannedGroup {
  interface: ConformanceInterface;
  title: string;
  tests: PlannedTest[];
  /** Every test is skipped, so no probe needs serving. */
  allSkipped: boolean;
}

/**
 * Plans the suite for a driver. Titles start with the case id; a skipped one carries its reason:
 * 'ws.echo.text [unsupported: no WebSocket on Lambda]: A text message ...'.
 */
export function planConformance(driver: Driver, interfaces: readonly ConformanceInterface[]): PlannedGroup[] {
  const unsupported = new Map(listUnsupported(driver).map((u) => [u.id, u.reason]));
  return interfaces.map((kind) => {
    const tests = cases
      .filter((c) => c.interfaces.includes(kind))
      .map((c): PlannedTest => {
        const reason = unsupported.get(c.id);
        return reason === undefined
          ? { case: c, title: `${c.id}: ${c.description}` }
          : { case: c, title: `${c.id} [unsupported: ${reason}]: ${c.description}`, skip: reason };
      });
    return { interface: kind, title: `${kind} interface`, tests, allSkipped: tests.every((t) => t.skip !== undefined) };
  });
}
