// hono 4 (its default SmartRouter) on @hono/node-server.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { JSON_MESSAGE, PLAINTEXT, STREAM_CHUNK, STREAM_CHUNKS } from '../payloads.js';
import { benchPort } from './listen.js';

const app = new Hono();
app.get('/plaintext', (c) => c.text(PLAINTEXT));
app.get('/json', (c) => c.json(JSON_MESSAGE));
app.get('/users/:id', (c) => c.text(`user ${c.req.param('id')}`));
app.post('/echo', async (c) => c.body(await c.req.arrayBuffer(), 200, { 'content-type': 'application/octet-stream' }));
app.get('/stream', (c) => {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < STREAM_CHUNKS; i++) controller.enqueue(STREAM_CHUNK);
      controller.close();
    },
  });
  return c.body(body, 200, { 'content-type': 'application/octet-stream' });
});

serve({ fetch: app.fetch, port: benchPort(), hostname: '127.0.0.1' });
process.once('SIGTERM', () => process.exit(0));
