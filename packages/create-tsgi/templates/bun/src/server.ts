// Bun.serve with the app; SIGTERM stops it, then runs lifespan shutdown.
import { toBunServe } from '@tsgi/fetch';
import { router } from './app.ts';

const options = toBunServe(router.async); // { fetch, websocket }
const server = Bun.serve({
  port: Number(process.env.PORT ?? 3000),
  hostname: process.env.HOST ?? '127.0.0.1',
  ...options,
});
await options.fetch.startup();
console.log(`listening on ${server.url.href}`);

process.once('SIGTERM', async () => {
  await server.stop();
  await options.fetch.shutdown();
});
