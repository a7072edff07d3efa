// The demo on the standalone server, started the way `pnpm start` does: the real `tsgi` CLI.
import { describeDemo } from './e2e-suite.js';
import { startDemoProcess } from './support/demo-process.js';
import { DEMO_DIR, bin } from './support/paths.js';

describeDemo({
  name: 'tsgi serve',
  start: () =>
    startDemoProcess({
      command: bin('tsgi'),
      args: ['serve', 'src/entries/server.ts', '--port', '0', '--host', '127.0.0.1', '--timeout-graceful-shutdown', '2'],
      cwd: DEMO_DIR,
    }),
});
