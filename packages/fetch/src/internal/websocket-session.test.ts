// The shared WebSocket session over a stand-in runtime socket (real sockets: test/*.test.ts).
import { createWebSocketScope, runWebSocket, type AsyncApp } from '@tsgi/async';
import { describe, expect, it, vi } from 'vitest';
import type { Arrival } from './runtime.js';
import type { SocketEvents, Upgrade } from './socket-port.js';
import { WebSocketSession } from './websocket-session.js';

const arrival: Arrival = { env: undefined, ctx: undefined, client: null };
const scope = createWebSocketScope({ target: '/ws', headers: [['sec-websocket-protocol', 'v1']] });
const quiet = (): void => undefined;

/** A runtime whose socket opens at once and records what the session sent. */
function fakeRuntime(): { upgrade: Upgrade; sent: Array<string | Uint8Array>; events: () => SocketEvents } {
  const sent: Array<string | Uint8Array> = [];
  let events: SocketEvents | undefined;
  const upgrade: Upgrade = (_request, { subprotocol }, socketEvents) => {
    events = socketEvents;
    queueMicrotask(() => socketEvents.opened());
    const headers = subprotocol === null ? undefined : { 'sec-websocket-protocol': subprotocol };
    return {
      response: new Response(null, { status: 200, ...(headers && { headers }) }),
      port: { send: (data) => void sent.push(data), close: (code, reason) => socketEvents.ended(code, reason) },
    };
  };
  return { upgrade, sent, events: () => events! };
}

describe('WebSocketSession', () => {
  it("hands the runtime's upgrade response back on accept, then echoes through the port", async () => {
    const runtime = fakeRuntime();
    const app: AsyncApp = async (_scope, receive, send) => {
      await receive();
      await send({ type: 'websocket.accept', subprotocol: 'v1' });
      const message = await receive();
      if (message.type === 'websocket.receive') await send({ type: 'websocket.send', text: `echo ${message.text ?? ''}` });
      await send({ type: 'websocket.close', code: 1000 });
    };
    const session = new WebSocketSession(new Request('http://a.test/ws'), runtime.upgrade, arrival, quiet);
    const done = runWebSocket(app, scope, session);
    const response = await session.response;
    expect(response?.headers.get('sec-websocket-protocol')).toBe('v1');
    runtime.events().received('hi');
    await done;
    expect(runtime.sent).toEqual(['echo hi']);
  });

  it('answers the denial as an ordinary Response, without upgrading', async () => {
    const upgrade = vi.fn<Upgrade>();
    const app: AsyncApp = async (_scope, receive, send) => {
      await receive();
      await send({ type: 'websocket.close' });
    };
    const session = new WebSocketSession(new Request('http://a.test/ws'), upgrade, arrival, quiet);
    await runWebSocket(app, scope, session);
    expect((await session.response)?.status).toBe(403);
    expect(upgrade).not.toHaveBeenCalled();
  });

  it('answers 500 when the runtime refuses the upgrade, instead of leaving the request hanging', async () => {
    const upgrade: Upgrade = () => {
      throw new TypeError('not a WebSocket handshake');
    };
    const app: AsyncApp = async (_scope, receive, send) => {
      await receive();
      await send({ type: 'websocket.accept' }).catch(() => undefined);
    };
    const session = new WebSocketSession(new Request('http://a.test/ws'), upgrade, arrival, quiet);
    await runWebSocket(app, scope, session);
    expect((await session.response)?.status).toBe(500);
  });
});
