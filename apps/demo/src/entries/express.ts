// Express: `tsx src/entries/express.ts` (PORT, HOST). The demo is mounted at /demo beside a native
// Express route; its WebSocket chat is served on the same server through attach().
import { toExpressMiddleware } from '@tsgi/express';
import express from 'express';
import { nodeFiles } from '../assets/node-files.js';
import { createDemo } from '../app.js';

const demo = toExpressMiddleware(createDemo({ files: nodeFiles() }).async);
const app = express();
app.get('/', (_req, res) => res.redirect('/demo/'));
app.get('/express/hello', (_req, res) => {
  res.json({ message: 'Hello from a native Express route', demo: '/demo/' });
});
app.use('/demo', demo);

await demo.ready();
const server = demo.attach(app.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1'), { path: '/demo' });
server.once('listening', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') return;
  console.log(`tsgi demo: http://${address.address}:${address.port}/demo/ (Express)`);
});

// Ctrl-C / SIGTERM: close the chat sockets (1001) and run lifespan shutdown, then end open event
// streams, which would otherwise keep the server from closing.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void demo.close().then(() => {
      server.close();
      server.closeAllConnections();
    });
  });
}
