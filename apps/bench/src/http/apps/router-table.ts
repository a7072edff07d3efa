// The HTTP scenarios as an @tsgi/router table, served through either interface (router-async.ts,
// router-sync.ts).
import { createRouter, json, stream, text, type Router } from '@tsgi/router';
import { JSON_MESSAGE, PLAINTEXT, STREAM_CHUNK, STREAM_CHUNKS } from '../payloads.js';

function* chunks(): Generator<Uint8Array> {
  for (let i = 0; i < STREAM_CHUNKS; i++) yield STREAM_CHUNK;
}

/** Builds the router (frozen on first use of `.sync` or `.async`). */
export function createBenchRouter(): Router {
  const router = createRouter();
  router.get('/plaintext', () => text(PLAINTEXT));
  router.get('/json', () => json(JSON_MESSAGE));
  router.get('/users/:id', (req) => text(`user ${req.params.id}`));
  router.post('/echo', (req) => stream([req.bytes()]));
  router.get('/stream', () => stream(chunks()));
  return router;
}
