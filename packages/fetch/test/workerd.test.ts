// Runs the conformance suite through toCloudflareWorker in workerd (Miniflare), over real sockets.
import { describeConformance } from '@tsgi/conformance';
import { afterAll } from 'vitest';
import { describeFraming } from './harness/framing.js';
import { FETCH_UNSUPPORTED } from './harness/unsupported.js';
import { createWorkerdDriver } from './harness/workerd-driver.js';

const driver = createWorkerdDriver({
  ...FETCH_UNSUPPORTED,
  'http.headers.latin1': 'workerd decodes request header bytes as UTF-8, so a lone 0xE9 arrives as U+FFFD',
  'http.error.after-start': 'workerd ends a chunked response cleanly when its body stream errors, so the client cannot see the truncation',
  'http.disconnect.mid-response': "workerd cancels a request whose code waits with no I/O pending ('hung'), before the app can see http.disconnect",
  'http.disconnect.send-raises': "workerd cancels a request whose code waits with no I/O pending ('hung'), before the app can send again",
  'lifespan.shutdown': 'Workers never signal the end of an isolate, and no task outlives the request that started it',
});
afterAll(() => driver.close());

describeConformance(driver);
describeFraming(driver);
