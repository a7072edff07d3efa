// @tsgi/router/websocket: WebSocket routes' socket, opt-in so the core stays small
// (docs/router.md: "WebSockets"). Pass it as `createRouter({ websocket })`.
export { websocket } from './serve.js';
export { RouterWebSocket } from './socket.js';
export type { WebSocketMessage } from './socket.js';
