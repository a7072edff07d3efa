// attach(server): lifespan shutdown when the HTTP server closes, and the app's WebSockets on it.
import type { AsyncApp, LogFn } from '@tsgi/async';
import { toNodeUpgradeHandler, type NodeUpgradeHandler, type NodeUpgradeOptions } from '@tsgi/node';
import type { SyncApp } from '@tsgi/sync';
import type { Server } from 'node:net';
import { EXPRESS_MESSAGES } from './messages.js';
import { normalizeMountPath } from './mount-path.js';
import type { AttachOptions } from './options.js';
import { createUpgradeListener, type Admission } from './upgrade-listener.js';

/** What attach() needs from its middleware. */
export interface AttachContext {
  app: SyncApp | AsyncApp;
  kind: 'sync' | 'async';
  options: NodeUpgradeOptions;
  admission: Admission;
  /** The middleware's close(): WebSockets, then lifespan shutdown. */
  close: () => Promise<void>;
  log: LogFn;
}

// A literal path: Express patterns (':id', '*', '(...)') cannot be matched outside Express's router.
const LITERAL = /^[^:*?()[\]{}+]*$/;

/**
 * Builds `attach(server, options)` and a way to say goodbye (1001) to every WebSocket it serves.
 *
 * @example
 * const { attach, closeSockets } = attachServer(context);
 * attach(server, { path: '/api' });
 */
export function attachServer(context: AttachContext): {
  attach: <S extends Server>(server: S, options?: AttachOptions) => S;
  closeSockets: () => Promise<void>;
} {
  const upgraders: NodeUpgradeHandler[] = [];
  const closeSockets = async (): Promise<void> => {
    await Promise.all(upgraders.map((upgrade) => upgrade.closeAll()));
  };
  const attach = <S extends Server>(server: S, options: AttachOptions = {}): S => {
    if (options.path !== undefined) {
      if (context.kind === 'sync') throw new TypeError(EXPRESS_MESSAGES.syncWebSocket);
      if (!LITERAL.test(options.path)) throw new TypeError(EXPRESS_MESSAGES.badMountPath(options.path));
      const mountPath = normalizeMountPath(options.path);
      const upgrade = toNodeUpgradeHandler(context.app, { ...context.options, interface: 'async', rootPath: mountPath });
      upgraders.push(upgrade);
      server.on('upgrade', createUpgradeListener(upgrade, mountPath, context.admission));
      // node:http's 'close' waits for every connection, upgraded ones included, and nothing announces
      // that close() was called: so close() itself first says goodbye (1001) to this app's WebSockets.
      const target: Server = server;
      const close = target.close.bind(target);
      target.close = (callback) => {
        void upgrade.closeAll();
        return close(callback);
      };
    }
    server.once('close', () => {
      context.close().catch((error: unknown) => context.log('error', 'lifespan shutdown failed', error));
    });
    return server;
  };
  return { attach, closeSockets };
}
