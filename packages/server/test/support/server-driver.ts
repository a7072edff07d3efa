// The conformance driver for the tsgi server: the app served in this process on a real socket,
// called over HTTP/1.1, h2c or h2 over TLS, WebSocket through the real `ws` client.
import type { Driver, Served } from '@tsgi/conformance';
import { serve, type ServeOptions } from '../../src/index.js';
import { createHttp1Client } from '../../../node/test/support/http1-client.js';
import { createHttp2Client } from './http2-client.js';
import { openWebSocket } from './websocket-client.js';
import type { TestCertificate } from './tls.js';

/** Which wire the client speaks. */
export type Wire = 'http1' | 'h2c' | 'h2';

// Errors the host logs reach console.error, so a case that does not expect one fails.
const toConsole = (line: string): void => console.error(line.trimEnd());

/** Builds a driver for one wire; h2 needs the test certificate. */
export function serverDriver(wire: Wire, certificate?: TestCertificate): Driver {
  const tls = wire === 'h2' && certificate ? { sslKeyfile: certificate.keyfile, sslCertfile: certificate.certfile } : {};
  const ca = certificate?.cert;
  return {
    name: `tsgi server (${wire})`,
    async start(app, { interface: kind }): Promise<Served> {
      const options: ServeOptions = { interface: kind, port: 0, http2: wire !== 'http1', logLevel: 'error', logSink: toConsole, ...tls };
      const server = await serve(app, options);
      const client = wire === 'http1' ? createHttp1Client(server.url) : createHttp2Client(server.url, ca ? { ca } : {});
      return {
        baseUrl: server.url,
        request: (req) => client.request(req),
        websocket: (target, wsOptions) => openWebSocket(server.url, target, wsOptions, ca ? { ca } : {}),
        async stop() {
          client.close();
          await server.close();
        },
      };
    },
  };
}
