// @tsgi/router/testing: call a router (or any tsgi app) in process through either interface.
export { createTestClient } from './test-client.js';
export type { TestClient, TestClientOptions, TestRequestInit, TestResult } from './test-client.js';
export { TestWebSocketClosed } from './test-websocket.js';
export type { TestDenial, TestWebSocket } from './test-websocket.js';
