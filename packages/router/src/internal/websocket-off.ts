// WebSocket without '@tsgi/router/websocket' (STYLE.md rule 5: a null object, not a flag): no
// WebSocket route can exist then (compile refuses them), so every connection is refused.
import type { WebSocketSupport } from '../types.js';

/**
 * The WebSocket support a router has when it was given none: a close before accept, which the
 * server answers with 403 (async §4.3), as Starlette's router does for a path without a route.
 */
export const noWebSockets: WebSocketSupport = async ({ receive, send }) => {
  // async §4.2: answer only a client still connecting; one that left needs no answer.
  if ((await receive()).type === 'websocket.connect') await send({ type: 'websocket.close' });
};
