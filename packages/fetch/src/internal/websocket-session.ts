// One WebSocket connection as runWebSocket sees it (@tsgi/async WebSocketTransport), for every
// runtime: the runtime only supplies an Upgrade (socket-port.ts). `response` settles with what the
// fetch handler returns: the runtime's 101 on accept, an ordinary Response on denial.
import type { CloseInfo, HeaderList, LogFn, WebSocketTransport } from '@tsgi/async';
import type { Arrival } from './runtime.js';
import type { SocketEvents, SocketPort, Upgrade } from './socket-port.js';

type Message = string | Uint8Array;

/** The WebSocketTransport over one upgrade request. */
export class WebSocketSession implements WebSocketTransport, SocketEvents {
  readonly response: Promise<Response | undefined>;
  readonly closed: Promise<CloseInfo>;
  readonly log: LogFn;
  #respond!: (response: Response | undefined) => void;
  #finish!: (info: CloseInfo) => void;
  #port: SocketPort | undefined;
  #opened: Promise<void>;
  #markOpen!: () => void;
  #queue: Message[] = [];
  #waiting: ((result: IteratorResult<Message>) => void) | undefined;
  #ended = false;

  constructor(
    private readonly request: Request,
    private readonly upgrade: Upgrade,
    private readonly arrival: Arrival,
    log: LogFn,
  ) {
    this.log = log;
    this.response = new Promise((resolve) => (this.#respond = resolve));
    this.closed = new Promise((resolve) => (this.#finish = resolve));
    this.#opened = new Promise((resolve) => (this.#markOpen = resolve));
  }

  async accept(subprotocol: string | null, headers: HeaderList): Promise<void> {
    let upgraded: ReturnType<Upgrade>;
    try {
      upgraded = this.upgrade(this.request, { subprotocol, headers }, this, this.arrival);
    } catch (error) {
      // The runtime refused the upgrade: the client gets a 500, the app a ClientDisconnected.
      this.fallback();
      throw error;
    }
    const { response, port } = upgraded;
    this.#port = port;
    this.#respond(response);
    // The socket may vanish before it opens: then the session ends instead of waiting forever.
    await Promise.race([this.#opened, this.closed]);
  }

  async send(data: Message): Promise<void> {
    await this.#port?.send(data);
  }

  close(code: number, reason: string): Promise<void> {
    this.#port?.close(code, reason);
    return Promise.resolve();
  }

  deny(status: number, headers: HeaderList, body: Uint8Array): Promise<void> {
    this.#respond(new Response(body.byteLength > 0 ? (body as Uint8Array<ArrayBuffer>) : null, { status, headers }));
    this.#end({ code: 1006, reason: '' });
    return Promise.resolve();
  }

  /** Answers 500 if the handshake was never answered (a runtime failure), and ends the session. */
  fallback(): void {
    this.#respond(new Response('Internal Server Error', { status: 500 }));
    this.#end({ code: 1006, reason: '' });
  }

  readonly messages: AsyncIterable<Message> = {
    [Symbol.asyncIterator]: () => ({
      next: (): Promise<IteratorResult<Message>> => {
        const message = this.#queue.shift();
        if (message !== undefined) return Promise.resolve({ done: false, value: message });
        if (this.#ended) return Promise.resolve({ done: true, value: undefined });
        return new Promise((resolve) => (this.#waiting = resolve));
      },
      return: (): Promise<IteratorResult<Message>> => {
        this.#queue = [];
        return Promise.resolve({ done: true, value: undefined });
      },
    }),
  };

  // SocketEvents, called by the runtime's port.

  opened(): void {
    this.#markOpen();
  }

  received(data: Message): void {
    const waiting = this.#waiting;
    if (waiting !== undefined) {
      this.#waiting = undefined;
      waiting({ done: false, value: data });
    } else this.#queue.push(data);
  }

  ended(code: number, reason: string): void {
    this.#end({ code, reason });
  }

  #end(info: CloseInfo): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#finish(info);
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.({ done: true, value: undefined });
  }
}
