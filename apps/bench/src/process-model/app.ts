// The async app the process-model suite serves: GET /plaintext for load during a reload, and GET /slow,
// which answers its headers and a first byte at once and the rest after SLOW_MS, so the harness can
// see a request in flight before it sends SIGTERM.
import type { AsyncApp } from '@tsgi/async';
import { acceptLifespan } from '../apps/lifespan.js';

const encoder = new TextEncoder();

/** How long /slow holds its response open. */
export const SLOW_MS = 1500;

/** The whole /slow body. */
export const SLOW_BODY = 'ab';

/** The app `tsgi serve` runs. */
export const app: AsyncApp = async (scope, receive, send) => {
  if (scope.type === 'lifespan') return acceptLifespan(receive, send);
  if (scope.type !== 'http') return;
  if (scope.path === '/slow') {
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain']] });
    await send({ type: 'http.response.body', body: encoder.encode(SLOW_BODY.slice(0, 1)), moreBody: true });
    await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
    return send({ type: 'http.response.body', body: encoder.encode(SLOW_BODY.slice(1)) });
  }
  await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain'], ['content-length', '2']] });
  await send({ type: 'http.response.body', body: encoder.encode('ok') });
};
