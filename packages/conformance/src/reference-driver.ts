// The reference driver: serves apps in this process through the spec kits, no sockets. The suite
// must pass against it before it means anything against a real host.
import { type AsyncApp, createLifespan } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import type { ConformanceInterface, Driver, Served } from './driver.js';
import { requestAsync } from './reference/async-http.js';
import { openWebSocket } from './reference/async-websocket.js';
import { serveSync } from './reference/sync-served.js';

async function serveAsync(app: AsyncApp): Promise<Served> {
  const lifespan = createLifespan(app, { mode: 'auto' });
  await lifespan.startup();
  return {
    request: (req) => requestAsync(app, lifespan.state, req),
    websocket: (target, options) => openWebSocket(app, lifespan.state, target, options),
    stop: () => lifespan.shutdown(),
  };
}

const HOSTS: Record<ConformanceInterface, (app: SyncApp | AsyncApp) => Promise<Served>> = {
  sync: (app) => Promise.resolve(serveSync(app as SyncApp)),
  async: (app) => serveAsync(app as AsyncApp),
};

/**
 * The in-process driver built on @tsgi/sync's createEnviron/startApp and @tsgi/async's
 * createScope/runHttp/runWebSocket/createLifespan. It supports every case.
 *
 * @example
 * describeConformance(referenceDriver);
 */
export const referenceDriver: Driver = {
  name: 'reference',
  start: (app, { interface: kind }) => HOSTS[kind](app),
};
