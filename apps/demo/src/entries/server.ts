// The standalone server: `tsgi serve src/entries/server.ts --port 8000` (what `pnpm start` runs).
// The CLI finds the `app` export, sees a router, and serves its async face: HTTP, WebSocket, lifespan.
import { nodeFiles } from '../assets/node-files.js';
import { createDemo } from '../app.js';

/** The demo, public/ read from disk. */
export const app = createDemo({ files: nodeFiles() });

app.onStartup(() => {
  console.log('tsgi demo: notes, uploads, events, chat and sync routes are ready');
});
