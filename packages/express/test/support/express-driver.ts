// A conformance Driver that mounts the probe under MOUNT in a real Express app, beside an ordinary
// Express route, on 127.0.0.1:0. The probe is wrapped by `unmounted()`, which checks that Express's
// mount point arrived as SCRIPT_NAME / rootPath with RAW_URI / rawPath untouched, then presents
// the root-relative view the cases expect.
import type { AsyncApp, Scope } from '@tsgi/async';
import type { Driver, Served } from '@tsgi/conformance';
import { createHttpClient } from '@tsgi/conformance/node';
import type { Environ, SyncApp } from '@tsgi/sync';
import type express from 'express';
import { createServer } from 'node:http';
import { tsgi } from '../../src/index.js';
import { closeServer, listen } from './listen.js';
import { openSocket } from './ws-client.js';

/** Where the driver mounts every probe. */
export const MOUNT = '/mnt';
/** The ordinary Express route served beside the mount, and its answer. */
export const BESIDE = { path: '/beside', body: 'an ordinary express route' } as const;

/** Creates the driver for one Express major (express 5, or express 4 from `express4`). */
export function createExpressDriver(name: string, createApp: typeof express): Driver {
  return {
    name,
    async start(app, { interface: kind }) {
      const expressApp = createApp();
      // Errors the app raises before responding reach Express's default error handler, which shows
      // the stack outside production; a deployed app runs with NODE_ENV=production.
      expressApp.set('env', 'production');
      expressApp.get(BESIDE.path, (_req, res) => {
        res.type('text/plain').send(BESIDE.body);
      });
      const middleware = tsgi(kind === 'sync' ? unmountedSync(app as SyncApp) : unmountedAsync(app as AsyncApp), { interface: kind });
      expressApp.use(MOUNT, middleware);
      const server = middleware.attach(createServer(expressApp), kind === 'async' ? { path: MOUNT } : {});
      const baseUrl = await listen(server);
      const stop = async (): Promise<void> => {
        await closeServer(server);
        await middleware.close();
      };
      try {
        await middleware.ready();
      } catch (error) {
        await stop();
        throw error;
      }
      const request = createHttpClient(baseUrl);
      const served: Served = {
        baseUrl,
        request: (req) => request({ ...req, target: mounted(req.target) }),
        stop,
      };
      if (kind === 'async') served.websocket = (target, options) => openSocket(`${baseUrl.replace(/^http/, 'ws')}${mounted(target)}`, options);
      return served;
    },
  };
}

function mounted(target: string): string {
  if (!target.startsWith('/')) throw new Error(`the express driver mounts origin-form targets only, got ${target}`);
  return MOUNT + target;
}

/** Why the mount mapping is wrong, or null when SCRIPT_NAME/rootPath and RAW_URI/rawPath are right. */
function mountMistake(rootPath: string, rawPath: string): string | null {
  if (rootPath !== MOUNT) return `expected the root path ${MOUNT}, got ${JSON.stringify(rootPath)}`;
  if (!rawPath.startsWith(`${MOUNT}/`)) return `expected the raw path below ${MOUNT}, got ${JSON.stringify(rawPath)}`;
  return null;
}

function unmountedSync(app: SyncApp): SyncApp {
  return (environ: Environ, startResponse) => {
    const mistake = mountMistake(environ.SCRIPT_NAME, environ.RAW_URI);
    if (mistake !== null) throw new Error(mistake);
    const raw = environ.RAW_URI.slice(MOUNT.length);
    return app({ ...environ, SCRIPT_NAME: '', RAW_URI: raw, REQUEST_URI: raw }, startResponse);
  };
}

function unmountedAsync(app: AsyncApp): AsyncApp {
  return async (scope: Scope, receive, send) => {
    if (scope.type === 'lifespan') return app(scope, receive, send);
    const mistake = mountMistake(scope.rootPath, scope.rawPath);
    if (mistake !== null) throw new Error(mistake);
    return app({ ...scope, rootPath: '', rawPath: scope.rawPath.slice(MOUNT.length) }, receive, send);
  };
}
