// Every suite, in report order.
import { bundleSuite } from './bundle/suite.js';
import { expressMountSuite } from './express-mount/suite.js';
import { fetchSuite } from './fetch/suite.js';
import { httpSuite } from './http/suite.js';
import { processModelSuite } from './process-model/suite.js';
import { routerSuite } from './router/suite.js';
import { serverlessSuite } from './serverless/suite.js';
import { wsSuite } from './ws/suite.js';
import type { Suite } from './suite.js';
import { threadsSuite } from './threads/suite.js';

/** The suites `pnpm bench` runs. */
export const SUITES: readonly Suite[] = [httpSuite, routerSuite, wsSuite, serverlessSuite, fetchSuite, threadsSuite, processModelSuite, bundleSuite, expressMountSuite];
