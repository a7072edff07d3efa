// The async contract's own ceiling on node:http: the raw async app of the HTTP suite behind the least
// code the contract needs (bare-async-listener.ts), next to the `tsgi` CLI serving the same app.
import { createServer } from 'node:http';
import { app } from '../apps/raw-async.js';
import { toBareListener } from './bare-async-listener.js';
import { listenForBench } from './listen.js';

listenForBench(createServer(toBareListener(app)));
