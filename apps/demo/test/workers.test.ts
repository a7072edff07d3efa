// The demo on Cloudflare Workers: the bundle `pnpm build` writes to dist/workers.js, in workerd
// (through Miniflare) behind workerd's own HTTP server on 127.0.0.1.
import { readFile } from 'node:fs/promises';
import { Miniflare } from 'miniflare';
import { afterAll } from 'vitest';
import { bundle } from '../scripts/bundle.js';
import { describeDemo } from './e2e-suite.js';
import { temporaryDir } from './support/temporary-dir.js';

const dir = await temporaryDir('workers');
afterAll(() => dir.remove());

describeDemo({
  name: 'Cloudflare Workers (workerd)',
  start: async () => {
    const entry = dir.file('workers.js');
    await bundle('workers', entry);
    const mf = new Miniflare({
      modules: true,
      // The source, not the path: workerd refuses module paths outside its working directory.
      script: await readFile(entry, 'utf8'),
      // README.md's wrangler.toml has the same date and flags.
      compatibilityDate: '2025-09-01',
      compatibilityFlags: ['enable_request_signal'],
      host: '127.0.0.1',
      port: 0,
    });
    const origin = (await mf.ready).origin;
    return { baseUrl: `${origin}/`, stop: () => mf.dispose() };
  },
});
