// `pnpm --filter @tsgi/demo build`: writes dist/workers.js, dist/deno.js and dist/bun.js.
import { join } from 'node:path';
import { DEMO_DIR, bundle, type BundleTarget } from './bundle.js';

const TARGETS: BundleTarget[] = ['workers', 'deno', 'bun'];

await Promise.all(TARGETS.map((target) => bundle(target, join(DEMO_DIR, 'dist', `${target}.js`))));
console.log(`bundled ${TARGETS.map((target) => `dist/${target}.js`).join(', ')}`);
