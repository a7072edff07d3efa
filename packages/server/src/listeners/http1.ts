// HTTP/1.1 over TCP (or a unix socket), optionally over TLS.
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { applyHttp1Settings, http1Options, type ListenerFactory } from './types.js';

/** Plain HTTP/1.1. */
export const http1Listener: ListenerFactory = (config) => {
  const server = createHttpServer(http1Options(config));
  applyHttp1Settings(server, config);
  return { server, http1: server, http2: null, protocols: 'HTTP/1.1', scheme: 'http' };
};

/** HTTP/1.1 over TLS. */
export const httpsListener: ListenerFactory = (config, tls) => {
  const server = createHttpsServer({ ...http1Options(config), ...tls });
  applyHttp1Settings(server, config);
  return { server, http1: server, http2: null, protocols: 'HTTP/1.1 over TLS', scheme: 'https' };
};
