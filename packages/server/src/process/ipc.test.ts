import { describe, expect, it } from 'vitest';
import { isWorkerMessage, parseHeartbeat } from './ipc.js';

describe('parseHeartbeat', () => {
  it('reads the lag and the request line', () => {
    expect(parseHeartbeat('2004 GET /spin')).toEqual({ lagMs: 2004, request: 'GET /spin' });
    expect(parseHeartbeat('12 WEBSOCKET /chat room')).toEqual({ lagMs: 12, request: 'WEBSOCKET /chat room' });
  });

  it("says '-' before the first request, and rejects a line that is not a heartbeat", () => {
    expect(parseHeartbeat('5 -')).toEqual({ lagMs: 5, request: '-' });
    expect(parseHeartbeat('7')).toEqual({ lagMs: 7, request: '-' });
    expect(parseHeartbeat('garbage here')).toBeNull();
  });
});

describe('isWorkerMessage', () => {
  it("tells tsgi's messages from cluster's own", () => {
    expect(isWorkerMessage({ tsgi: 'ready', url: 'http://127.0.0.1:1' })).toBe(true);
    expect(isWorkerMessage({ cmd: 'NODE_CLUSTER', act: 'listening' })).toBe(false);
    expect(isWorkerMessage(null)).toBe(false);
  });
});
