// `pnpm --filter @tsgi/demo build`: writes dist/workers.js, dist/deno.js, dist/bun.js and dist/lambda.mjs.
import { join } from 'node:path';
import { DEMO_DIR, bundle, type BundleTarget } from './bundle.js';

// Lambda's Node runtime treats .mjs as an ES module whatever package.json is next to it.
const OUTPUTS: Record<BundleTarget, string> = { workers: 'workers.js', deno: 'deno.js', bun: 'bun.js', lambda: 'lambda.mjs' };

const targets = Object.keys(OUTPUTS) as BundleTarget[];
await Promise.all(targets.map((target) => bundle(target, join(DEMO_DIR, 'dist', OUTPUTS[target]))));
console.log(`bundled ${targets.map((target) => `dist/${OUTPUTS[target]}`).join(', ')}`);
