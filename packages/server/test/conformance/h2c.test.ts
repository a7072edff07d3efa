import { describeConformance } from '@tsgi/conformance';
import { serverDriver } from '../support/server-driver.js';

describeConformance(serverDriver('h2c'));
