// The demo on Deno: the bundle `pnpm build` writes to dist/deno.js, run by the real `deno` binary
// with network access to 127.0.0.1 only.
import { afterAll } from 'vitest';
import { bundle } from '../scripts/bundle.js';
import { describeDemo } from './e2e-suite.js';
import { startDemoProcess } from './support/demo-process.js';
import { bin, DEMO_DIR } from './support/paths.js';
import { temporaryDir } from './support/temporary-dir.js';

const dir = await temporaryDir('deno');
afterAll(() => dir.remove());

describeDemo({
  name: 'Deno',
  start: async () => {
    const entry = dir.file('deno.js');
    await bundle('deno', entry);
    const flags = ['--no-config', '--no-lock', '--no-remote', '--no-npm', '--allow-net=127.0.0.1', '--allow-env=PORT,HOST'];
    return startDemoProcess({ command: bin('deno'), args: ['run', ...flags, entry], cwd: DEMO_DIR, env: { PORT: '0' } });
  },
});
