// Picks the listener variant from the config (STYLE.md: a registry key, not an if chain).
import type { ServerConfig } from '../config/server-config.js';
import { h2cListener, h2Listener } from './http2.js';
import { http1Listener, httpsListener } from './http1.js';
import type { ListenerFactory } from './types.js';

const LISTENERS: Record<`${'plain' | 'tls'}-${'http1' | 'http2'}`, ListenerFactory> = {
  'plain-http1': http1Listener,
  'tls-http1': httpsListener,
  'plain-http2': h2cListener,
  'tls-http2': h2Listener,
};

/** The listener factory for this config. */
export function listenerFor(config: ServerConfig): ListenerFactory {
  return LISTENERS[`${config.sslCertfile ? 'tls' : 'plain'}-${config.http2 ? 'http2' : 'http1'}`];
}
