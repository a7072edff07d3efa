// Cloudflare Workers: `wrangler deploy` of the bundle `pnpm --filter @tsgi/demo bundle` writes to
// dist/workers.js (README.md shows wrangler.toml). The page's files are compiled in.
import { toCloudflareWorker } from '@tsgi/fetch';
import { bundledFiles } from '../assets/bundled-files.js';
import { createDemo } from '../app.js';

const worker = toCloudflareWorker(createDemo({ files: bundledFiles() }).async);

// eslint-disable-next-line no-restricted-syntax -- Workers load a module's default export
export default worker;
