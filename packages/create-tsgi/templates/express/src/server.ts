// Express with the tsgi app mounted at /; Express routes and middleware can sit beside it.
import express from 'express';
import { tsgi } from '@tsgi/express';
import type { AddressInfo } from 'node:net';
import { router } from './app.ts';

const app = express();
app.get('/express', (_req, res) => {
  res.send('Hello from Express, beside the tsgi app\n');
});

const mounted = tsgi(router.async);
app.use(mounted);

const port = Number(process.env.PORT ?? 3000);
const server = mounted.attach(
  app.listen(port, process.env.HOST ?? '127.0.0.1', () => {
    const { address, port } = server.address() as AddressInfo;
    console.log(`listening on http://${address}:${port}`);
  }),
);

// attach() runs lifespan shutdown once the server has closed.
process.once('SIGTERM', () => server.close());
process.once('SIGINT', () => server.close());
