// Deno.serve with the app; SIGTERM stops it, then runs lifespan shutdown.
import { serveDeno } from '@tsgi/fetch';
import { router } from './app.ts';

const server = serveDeno(router.async, {
  port: Number(Deno.env.get('PORT') ?? 8000),
  hostname: Deno.env.get('HOST') ?? '127.0.0.1',
  onListen: ({ hostname, port }) => console.log(`listening on http://${hostname}:${port}`),
});
await server.ready; // lifespan startup done (rejects if it failed)
Deno.addSignalListener('SIGTERM', () => void server.shutdown());
