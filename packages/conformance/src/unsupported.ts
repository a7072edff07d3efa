// What a driver declares it cannot do, checked once and listed for READMEs.
import { CASE_IDS, type CaseId } from './case-id.js';
import { cases } from './cases/index.js';
import type { ConformanceInterface, Driver } from './driver.js';
import { DriverConfigError, MESSAGES } from './errors.js';

/** One case a driver declared unsupported. */
export interface UnsupportedCase {
  id: CaseId;
  description: string;
  reason: string;
  interfaces: readonly ConformanceInterface[];
}

/**
 * Lists the cases a driver declares unsupported, in suite order, for READMEs and reports.
 * Throws a DriverConfigError for an unknown id or an empty reason.
 *
 * @example
 * for (const c of listUnsupported(lambdaDriver)) console.log(`- ${c.id}: ${c.reason}`);
 */
export function listUnsupported(driver: Driver): UnsupportedCase[] {
  const declared = driver.unsupported ?? {};
  for (const [id, reason] of Object.entries(declared) as Array<[string, string | undefined]>) {
    if (!(CASE_IDS as readonly string[]).includes(id)) throw new DriverConfigError(driver.name, MESSAGES.unknownCase(driver.name, id));
    if (typeof reason !== 'string' || reason.trim() === '') throw new DriverConfigError(driver.name, MESSAGES.emptyReason(driver.name, id));
  }
  return cases.flatMap((c) => {
    const reason = declared[c.id];
    return reason === undefined ? [] : [{ id: c.id, description: c.description, reason, interfaces: c.interfaces }];
  });
}
