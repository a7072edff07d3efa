// Runs the conformance suite through Bun.serve + toBunServe in a real Bun process, over real sockets.
import { fileURLToPath } from 'node:url';
import { describeConformance } from '@tsgi/conformance';
import { afterAll } from 'vitest';
import { describeFraming } from './harness/framing.js';
import { createStdioDriver } from './harness/stdio-driver.js';
import { FETCH_UNSUPPORTED } from './harness/unsupported.js';

const bun = fileURLToPath(new URL('../node_modules/.bin/bun', import.meta.url));

const NO_LENGTH = "Bun sends a streamed Response chunked and drops the app's Content-Length";

const driver = createStdioDriver({
  name: 'bun',
  entry: 'bun-entry',
  command: (bundle) => [bun, '--no-install', 'run', bundle],
  unsupported: {
    ...FETCH_UNSUPPORTED,
    'http.response.content-length': NO_LENGTH,
    'http.error.length-short': NO_LENGTH,
    'http.error.length-long': NO_LENGTH,
  },
  websocket: true,
});
afterAll(() => driver.close());

describeConformance(driver);
describeFraming(driver);
