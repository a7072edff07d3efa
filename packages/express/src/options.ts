// The options of tsgi() / toExpressMiddleware() and of attach().
import type { NodeHandlerOptions, NodeUpgradeOptions } from '@tsgi/node';

/** What @tsgi/node options the mount decides itself, so they are not offered. */
type Decided = 'rootPath' | 'trustedProxies' | 'state' | 'requestOverrides' | 'onError' | 'onResponseStart';

/** Options of {@link toExpressMiddleware}; the rest are @tsgi/node's handler options. */
export interface ExpressOptions extends Omit<NodeHandlerOptions, Decided> {
  /**
   * Hand the app's 404 answers back to Express (`next()`), so later routes get a chance; the app's
   * 404 body is dropped. @default false
   */
  fallthrough?: boolean;
  /**
   * Lifespan for async apps (async §5.5): 'auto' runs it when the app supports it, 'on' requires it,
   * 'off' never calls the app with a lifespan scope. @default 'auto'
   */
  lifespan?: 'auto' | 'on' | 'off';
  /** How WebSockets are served once `attach(server, { path })` is called. @default @tsgi/node's */
  websocket?: Pick<NodeUpgradeOptions, 'maxMessageSize' | 'pingInterval' | 'pingTimeout' | 'perMessageDeflate' | 'trustedProxies'>;
}

/** Options of {@link TsgiMiddleware.attach}. */
export interface AttachOptions {
  /**
   * Serve the app's WebSocket routes for upgrade requests at or below this literal path (the
   * mount path, e.g. '/api'); other upgrades are left to other listeners. Async apps only.
   * @default undefined (no WebSockets)
   */
  path?: string;
}
