// Running one WebSocket route: the socket, the handler, and what its errors become (async §4, §6.8).
import type { WebSocketSupport } from '../types.js';
import { RouterWebSocket } from './socket.js';

/**
 * WebSocket support for `router.ws` routes, opt-in to keep the core small: give it to the router.
 * An HttpError thrown before accept becomes the denial response, any error after accept closes with
 * 1011 and is logged, and a handler that returns without closing closes with 1000.
 *
 * @example
 * import { websocket } from '@tsgi/router/websocket';
 * const router = createRouter({ websocket });
 * router.ws('/echo', async (socket) => {
 *   for await (const message of socket) await socket.send(message);
 * });
 */
export const websocket: WebSocketSupport = async ({ handler, request, scope, receive, send, errorPage }) => {
  const socket = new RouterWebSocket(request, scope, receive, send);
  if (!handler) return socket.reject(404, 'Not Found');
  try {
    await handler(socket);
    await socket.close();
  } catch (error) {
    // Rendering the page also logs an unexpected error; before accept the page can still be the
    // HTTP answer (async §6.8).
    const page = errorPage(error);
    if (socket.state === 'connecting') return socket.reject(page.status, page.body as Uint8Array, page.headers.list);
    // RFC 6455 §7.4.1: 1011 is "the server hit an unexpected condition".
    await socket.close(1011);
  }
};
