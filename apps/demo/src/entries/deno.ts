// Deno: `deno run --allow-net --allow-env=PORT,HOST dist/deno.js` (the bundle README.md describes).
import { serveDeno } from '@tsgi/fetch';
import { bundledFiles } from '../assets/bundled-files.js';
import { createDemo } from '../app.js';

declare const Deno: { env: { get(name: string): string | undefined } };

const port = Number(Deno.env.get('PORT') ?? 8000);
const hostname = Deno.env.get('HOST') ?? '127.0.0.1';

serveDeno(createDemo({ files: bundledFiles() }).async, {
  port,
  hostname,
  onListen: (addr) => console.log(`tsgi demo: http://${addr.hostname}:${addr.port}/ (Deno)`),
});
