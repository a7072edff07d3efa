import { describeConformance } from '@tsgi/conformance';
import { nodeHttpDriver } from './support/node-driver.js';

describeConformance(nodeHttpDriver);
