// Bun: `bun src/entries/bun.ts` (Bun reads the TypeScript and the page's text imports itself), or
// the bundle `bun dist/bun.js`.
import { toBunServe } from '@tsgi/fetch';
import { bundledFiles } from '../assets/bundled-files.js';
import { createDemo } from '../app.js';

declare const Bun: {
  env: Record<string, string | undefined>;
  serve(options: Record<string, unknown>): { hostname: string; port: number };
};

const served = toBunServe(createDemo({ files: bundledFiles() }).async);
await served.fetch.startup();
const server = Bun.serve({ hostname: Bun.env.HOST ?? '127.0.0.1', port: Number(Bun.env.PORT ?? 8000), ...served });
console.log(`tsgi demo: http://${server.hostname}:${server.port}/ (Bun)`);
