// Runs the conformance suite through serveDeno in a real Deno process, over real sockets.
import { fileURLToPath } from 'node:url';
import { describeConformance } from '@tsgi/conformance';
import { afterAll } from 'vitest';
import { describeFraming } from './harness/framing.js';
import { createStdioDriver } from './harness/stdio-driver.js';
import { FETCH_UNSUPPORTED } from './harness/unsupported.js';

const deno = fileURLToPath(new URL('../node_modules/.bin/deno', import.meta.url));

const driver = createStdioDriver({
  name: 'deno',
  entry: 'deno-entry',
  command: (bundle) => [deno, 'run', '--no-config', '--no-lock', '--no-remote', '--no-npm', '--allow-net=127.0.0.1', bundle],
  unsupported: { ...FETCH_UNSUPPORTED },
  websocket: true,
});
afterAll(() => driver.close());

describeConformance(driver);
describeFraming(driver);
