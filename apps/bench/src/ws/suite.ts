import { nodeServer, tsgiApp } from '../http/contender.js';
import type { Suite } from '../suite.js';
import { renderWs, WS_BASELINE_ID } from './render.js';
import { runWs, type WsResults } from './run.js';

/** WebSocket echo rate and idle memory against raw `ws`. */
export const wsSuite: Suite<WsResults> = {
  id: 'ws',
  title: 'WebSocket',
  run: (ctx) =>
    runWs(ctx, [
      nodeServer(WS_BASELINE_ID, 'ws · raw echo server', 'ceiling', 'ws/servers/ws-echo'),
      tsgiApp('tsgi-ws', 'tsgi · async echo app', 'ws/apps/echo-async'),
    ]),
  render: renderWs,
};
