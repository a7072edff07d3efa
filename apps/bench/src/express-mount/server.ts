// An express app answering the scenarios under /api, either with native express routes or by mounting
// a tsgi app there with @tsgi/express:  node server.js native|tsgi-async|tsgi-sync
import { createServer } from 'node:http';
import express from 'express';
import { loadPackage } from '../env/workspace.js';
import { app as rawAsync } from '../http/apps/raw-async.js';
import { app as rawSync } from '../http/apps/raw-sync.js';
import { JSON_MESSAGE, PLAINTEXT } from '../http/payloads.js';
import { listenForBench } from '../http/servers/listen.js';

interface ExpressAdapter {
  toExpressMiddleware: (app: unknown) => express.RequestHandler;
}

const mode = process.argv[2];
const app = express();
if (mode === 'native') {
  app.get('/api/plaintext', (_req, res) => {
    res.type('text/plain').send(PLAINTEXT);
  });
  app.get('/api/json', (_req, res) => {
    res.json(JSON_MESSAGE);
  });
  app.get('/api/users/:id', (req, res) => {
    res.type('text/plain').send(`user ${req.params.id}`);
  });
} else {
  const { toExpressMiddleware } = await loadPackage<ExpressAdapter>('@tsgi/express');
  app.use('/api', toExpressMiddleware(mode === 'tsgi-sync' ? rawSync : rawAsync));
}
listenForBench(createServer(app));
