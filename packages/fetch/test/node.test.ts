// Runs the conformance suite through toNodeFetchHandler behind a node:http ⇄ Fetch bridge, in this
// process: Node's own Request, Response and ReadableStream.
import { CASE_IDS, describeConformance, type Driver } from '@tsgi/conformance';
import { createHttpClient } from '@tsgi/conformance/node';
import { toNodeFetchHandler } from '../src/index.js';
import { serveFetch } from './harness/node-bridge.js';
import { FETCH_UNSUPPORTED } from './harness/unsupported.js';

const NO_UPGRADE = 'Node has no standard WebSocket upgrade for Fetch handlers (serve those routes with @tsgi/node)';

const driver: Driver = {
  name: 'node fetch',
  async start(app, { interface: kind }) {
    const handler = toNodeFetchHandler(app, { interface: kind });
    await handler.startup();
    const server = await serveFetch(handler);
    return {
      baseUrl: server.url,
      request: createHttpClient(server.url),
      stop: async () => {
        await server.close();
        await handler.shutdown();
      },
    };
  },
  unsupported: {
    ...FETCH_UNSUPPORTED,
    ...Object.fromEntries(CASE_IDS.filter((id) => id.startsWith('ws.')).map((id) => [id, NO_UPGRADE])),
  },
};

describeConformance(driver);
