import { describeConformance } from '@tsgi/conformance';
import { afterAll } from 'vitest';
import { serverDriver } from '../support/server-driver.js';
import { createTestCertificate } from '../support/tls.js';

const certificate = createTestCertificate();
afterAll(() => certificate.remove());

describeConformance(serverDriver('h2', certificate));
