// The demo on Bun: the bundle `pnpm build` writes to dist/bun.js, run by the real `bun` binary.
import { afterAll } from 'vitest';
import { bundle } from '../scripts/bundle.js';
import { describeDemo } from './e2e-suite.js';
import { startDemoProcess } from './support/demo-process.js';
import { bin, DEMO_DIR } from './support/paths.js';
import { temporaryDir } from './support/temporary-dir.js';

const dir = await temporaryDir('bun');
afterAll(() => dir.remove());

describeDemo({
  name: 'Bun',
  start: async () => {
    const entry = dir.file('bun.js');
    await bundle('bun', entry);
    return startDemoProcess({ command: bin('bun'), args: ['--no-install', 'run', entry], cwd: DEMO_DIR, env: { PORT: '0' } });
  },
});
