// Runs the conformance suite through toNodeFetchHandler behind a node:http ⇄ Fetch bridge, in this
// process: Node's own Request, Response and ReadableStream.
import { describeConformance, type Driver } from '@tsgi/conformance';
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
    'ws.scope': NO_UPGRADE,
    'ws.accept.headers': NO_UPGRADE,
    'ws.subprotocol': NO_UPGRADE,
    'ws.echo.text': NO_UPGRADE,
    'ws.echo.binary': NO_UPGRADE,
    'ws.echo.large': NO_UPGRADE,
    'ws.close.server': NO_UPGRADE,
    'ws.close.client': NO_UPGRADE,
    'ws.deny.close': NO_UPGRADE,
    'ws.deny.response': NO_UPGRADE,
    'ws.error.before-accept': NO_UPGRADE,
  },
};

describeConformance(driver);
