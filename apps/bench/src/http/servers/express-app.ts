// The HTTP scenarios as an express 5 app (served over HTTP by express.ts, and wrapped for Lambda by the
// serverless suite).
import express, { type Express } from 'express';
import { JSON_MESSAGE, PLAINTEXT, STREAM_CHUNK, STREAM_CHUNKS } from '../payloads.js';

/** Creates the express app with its defaults. */
export function createExpressApp(): Express {
  const app = express();
  app.get('/plaintext', (_req, res) => {
    res.type('text/plain').send(PLAINTEXT);
  });
  app.get('/json', (_req, res) => {
    res.json(JSON_MESSAGE);
  });
  app.get('/users/:id', (req, res) => {
    res.type('text/plain').send(`user ${req.params.id}`);
  });
  app.post('/echo', express.raw({ type: 'application/octet-stream' }), (req, res) => {
    res.type('application/octet-stream').send(req.body as Buffer);
  });
  app.get('/stream', (_req, res) => {
    res.type('application/octet-stream');
    for (let i = 0; i < STREAM_CHUNKS; i++) res.write(STREAM_CHUNK);
    res.end();
  });
  return app;
}
