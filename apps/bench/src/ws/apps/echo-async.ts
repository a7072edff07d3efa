// The WebSocket echo as an async tsgi app (docs/spec/async.md §4), served by `tsgi serve`. Plain HTTP
// requests get "ok" for the harness's readiness probe.
import type { AsyncApp } from '@tsgi/async';
import { acceptLifespan } from '../../apps/lifespan.js';

const OK = new TextEncoder().encode('ok');

/** Echoes every WebSocket message back as it came. */
export const app: AsyncApp = async (scope, receive, send) => {
  if (scope.type === 'lifespan') return acceptLifespan(receive, send);
  if (scope.type === 'http') {
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain'], ['content-length', '2']] });
    return send({ type: 'http.response.body', body: OK });
  }
  for (;;) {
    const event = await receive();
    if (event.type === 'websocket.connect') await send({ type: 'websocket.accept' });
    else if (event.type === 'websocket.receive') {
      await send(event.text != null ? { type: 'websocket.send', text: event.text } : { type: 'websocket.send', bytes: event.bytes ?? new Uint8Array(0) });
    } else if (event.type === 'websocket.disconnect') return;
  }
};
