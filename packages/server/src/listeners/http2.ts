// HTTP/2: over TLS with ALPN (h2, falling back to http/1.1), or cleartext h2c beside HTTP/1.1.
import { createServer as createHttpServer } from 'node:http';
import { createSecureServer, createServer as createH2cServer } from 'node:http2';
import type { Socket } from 'node:net';
import { applyHttp1Settings, http1Options, http2Settings, type ListenerFactory } from './types.js';

// RFC 9113 §3.4: a prior-knowledge h2c connection opens with this preface.
const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

/** h2 and HTTP/1.1 over TLS, chosen per connection by ALPN (RFC 7301). */
export const h2Listener: ListenerFactory = (config, tls) => {
  const server = createSecureServer({ ...http2Settings(config), ...tls, allowHTTP1: true });
  applyHttp1Settings(server, config);
  return { server, http1: server, http2: server, protocols: 'HTTP/2 and HTTP/1.1 over TLS', scheme: 'https' };
};

/**
 * h2c with prior knowledge (RFC 9113 §3.3) and HTTP/1.1 on the same port: each connection's first
 * bytes say which. The HTTP/1.1 server listens; h2c connections are handed to an HTTP/2 server.
 */
export const h2cListener: ListenerFactory = (config) => {
  const server = createHttpServer(http1Options(config));
  applyHttp1Settings(server, config);
  const h2c = createH2cServer(http2Settings(config));
  const [http1Connection] = server.listeners('connection') as Array<(socket: Socket) => void>;
  server.removeAllListeners('connection');
  server.on('connection', (socket: Socket) => {
    sniff(socket, (isH2) => {
      if (isH2) {
        // node's Http2Session reads bytes already buffered on the socket before its own.
        h2c.emit('connection', socket);
        return;
      }
      http1Connection?.call(server, socket);
      socket.resume();
    });
  });
  return { server, http1: server, http2: h2c, protocols: 'HTTP/1.1 and h2c', scheme: 'http' };
};

/** Reads until the first bytes decide between the h2 preface and HTTP/1.x, then puts them back. */
function sniff(socket: Socket, route: (isH2: boolean) => void): void {
  let seen = Buffer.alloc(0);
  const onData = (chunk: Buffer): void => {
    seen = Buffer.concat([seen, chunk]);
    const n = Math.min(seen.length, PREFACE.length);
    const matches = seen.subarray(0, n).equals(PREFACE.subarray(0, n));
    if (matches && seen.length < PREFACE.length) return;
    // Paused, the bytes put back wait for the next owner instead of flowing to no listener.
    socket.off('data', onData);
    socket.off('close', onClose);
    socket.pause();
    socket.unshift(seen);
    route(matches);
  };
  const onClose = (): void => {
    socket.off('data', onData);
  };
  socket.on('data', onData);
  socket.once('close', onClose);
}
