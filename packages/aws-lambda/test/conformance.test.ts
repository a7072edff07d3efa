// @tsgi/conformance through each event source's mapping, in both interfaces.
import { describeConformance } from '@tsgi/conformance';
import { type DriverSource, lambdaDriver } from './support/conformance-driver.js';

const SOURCES: DriverSource[] = ['api-gateway-v1', 'api-gateway-v2', 'alb-single-value', 'alb-multi-value', 'function-url'];

for (const source of SOURCES) describeConformance(lambdaDriver(source));
