// @tsgi/conformance/cases: the case catalogue without the vitest runner, for docs and READMEs
// (importing 'vitest' outside a test run throws, so this entry never does).
export { CASE_IDS, type CaseId } from './case-id.js';
export { cases } from './cases/index.js';
export type { CaseContext, ConformanceCase, Feature } from './cases/types.js';
export { listUnsupported, type UnsupportedCase } from './unsupported.js';
