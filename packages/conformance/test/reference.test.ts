// The whole suite against the in-process reference driver, both interfaces: it must be green
// before the suite means anything against a real host.
import { describeConformance, referenceDriver } from '../src/index.js';

describeConformance(referenceDriver);
