// The same suite through Express 4 (installed as `express4`).
import { describeConformance } from '@tsgi/conformance';
import express4 from 'express4';
import { createExpressDriver } from './support/express-driver.js';

describeConformance(createExpressDriver('express 4', express4));
