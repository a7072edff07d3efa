// A WebSocket client for tests, over ApplicationCommunicator (asgiref's WebsocketCommunicator).
import {
  ApplicationCommunicator,
  createWebSocketScope,
  type AsyncApp,
  type HeaderList,
  type SendEvent,
  type State,
} from '@tsgi/async';
import { concat, decode, EMPTY } from '../internal/bytes.js';

/** The app answered the handshake with HTTP instead of accepting (async §6.8, or 403 on close). */
export interface TestDenial {
  status: number;
  headers: HeaderList;
  text: string;
}

/** A test WebSocket. */
export interface TestWebSocket {
  /** Whether the app accepted; when not, `denial` says how it answered. */
  accepted: boolean;
  subprotocol: string | null;
  denial: TestDenial | null;
  send(data: string | Uint8Array): void;
  /** The app's next message; rejects with a `{ code, reason }` error when the app closed instead. */
  receive(timeoutMs?: number): Promise<string | Uint8Array>;
  /** Disconnects as a client would, and waits for the app to finish. */
  close(code?: number): Promise<void>;
  /** Waits for the app to finish on its own. */
  done(): Promise<void>;
}

/** The error receive() rejects with when the app closed the connection. */
export class TestWebSocketClosed extends Error {
  override name = 'TestWebSocketClosed';
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(`the app closed the WebSocket: ${code} ${reason}`);
  }
}

/** Connects to a WebSocket route in process; resolves once the app accepted or denied. */
export async function connectWebSocket(
  app: AsyncApp,
  target: string,
  rootPath: string,
  init: { subprotocols?: string[]; headers?: HeaderList },
  state: State | undefined,
): Promise<TestWebSocket> {
  const headers: HeaderList = [['host', 'testserver'], ...(init.headers ?? [])];
  if (init.subprotocols?.length) headers.push(['sec-websocket-protocol', init.subprotocols.join(', ')]);
  const scope = createWebSocketScope({
    target,
    headers,
    rootPath,
    client: ['127.0.0.1', 50000],
    extensions: { 'websocket.http.response': {} },
    ...(state ? { state } : {}),
  });
  const comm = new ApplicationCommunicator(app, scope);
  comm.sendInput({ type: 'websocket.connect' });
  const first = await comm.receiveOutput();
  let denial: TestDenial | null = null;
  if (first.type === 'websocket.close') denial = { status: 403, headers: [], text: '' };
  else if (first.type === 'websocket.http.response.start') {
    const chunks: Uint8Array[] = [];
    for (let more = true; more; ) {
      const event = (await comm.receiveOutput()) as Extract<SendEvent, { type: 'websocket.http.response.body' }>;
      chunks.push(event.body ?? EMPTY);
      more = event.moreBody ?? false;
    }
    denial = { status: first.status, headers: first.headers ?? [], text: decode(concat(chunks)) };
  } else if (first.type !== 'websocket.accept') throw new Error(`unexpected first event ${first.type}`);
  let closed = denial !== null;
  return {
    accepted: denial === null,
    subprotocol: first.type === 'websocket.accept' ? (first.subprotocol ?? null) : null,
    denial,
    send(data) {
      comm.sendInput(typeof data === 'string' ? { type: 'websocket.receive', text: data } : { type: 'websocket.receive', bytes: data });
    },
    async receive(timeoutMs) {
      const event = await comm.receiveOutput(timeoutMs);
      if (event.type === 'websocket.close') {
        closed = true;
        throw new TestWebSocketClosed(event.code ?? 1000, event.reason ?? '');
      }
      if (event.type !== 'websocket.send') throw new Error(`unexpected event ${event.type}`);
      return event.text ?? event.bytes ?? '';
    },
    async close(code = 1000) {
      if (!closed) comm.sendInput({ type: 'websocket.disconnect', code, reason: '' });
      closed = true;
      await comm.wait();
    },
    done: () => comm.wait(),
  };
}
