// The conformance suite, both interfaces, through a real Express 5 server over real sockets, the
// probe mounted at /mnt beside an ordinary route; WebSockets via attach(server, { path }).
import { describeConformance } from '@tsgi/conformance';
import express from 'express';
import { createExpressDriver } from './support/express-driver.js';

describeConformance(createExpressDriver('express 5', express));
