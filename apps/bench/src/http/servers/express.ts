// express 5 with its defaults.
import { createServer } from 'node:http';
import { createExpressApp } from './express-app.js';
import { listenForBench } from './listen.js';

listenForBench(createServer(createExpressApp()));
