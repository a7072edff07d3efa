// Router-level conformance: each probe app of @tsgi/conformance, mounted at the root of a router
// (`router.mount('/', app)`), served by the in-process reference driver. A raw mount passes requests
// and WebSocket connections through untouched, so every HTTP and WebSocket case must hold as it does
// for the bare app.
import { describeConformance, referenceDriver, type Driver } from '@tsgi/conformance';
import { createRouter } from '../src/index.js';

// The router answers lifespan itself (its own hooks) and, like Starlette's Mount, does not forward
// lifespan events to raw mounted apps (docs/router.md: "Sub-routers and mounts").
const NOT_FORWARDED = 'the router runs its own lifespan hooks and does not forward lifespan events to raw mounted apps';

const mountedDriver: Driver = {
  name: '@tsgi/router mount over the reference driver',
  start(app, options) {
    const router = createRouter().mount('/', app, { interface: options.interface });
    return referenceDriver.start(router[options.interface], options);
  },
  unsupported: {
    'lifespan.startup': NOT_FORWARDED,
    'lifespan.state': NOT_FORWARDED,
    'lifespan.state.isolated': NOT_FORWARDED,
    'lifespan.shutdown': NOT_FORWARDED,
    'lifespan.startup.failed': NOT_FORWARDED,
  },
};

describeConformance(mountedDriver);
