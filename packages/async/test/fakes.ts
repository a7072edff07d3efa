// In-memory transports for tests: record every call, let the test drive body, backpressure and close.
import type { CloseInfo, HttpTransport, LogLevel, WebSocketTransport } from '../src/transport.js';
import type { HeaderList } from '../src/types/common.js';

export const enc = (text: string): Uint8Array => new TextEncoder().encode(text);
export const dec = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

interface Gate<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}
export function gate<T = void>(): Gate<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A queue a test pushes into and a consumer awaits. */
export class Channel<T> {
  private items: T[] = [];
  private waiters: Array<(value: T) => void> = [];
  push(item: T): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(item);
    else this.items.push(item);
  }
  next(): Promise<T> {
    if (this.items.length > 0) return Promise.resolve(this.items.shift() as T);
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  get waiting(): number {
    return this.waiters.length;
  }
}

export type HttpCall =
  | ['start', number, HeaderList, { trailers: boolean }]
  | ['write', string]
  | ['end', HeaderList | undefined]
  | ['abort', unknown]
  | ['sendFile', string]
  | ['earlyHints', string[]]
  | ['flush'];

export interface FakeHttp extends HttpTransport {
  calls: HttpCall[];
  logs: Array<[LogLevel, string, unknown]>;
  body: Channel<Uint8Array | null>;
  disconnect(): void;
  /** When set, write() waits on it: backpressure. */
  writeGate: Gate<void> | null;
}

/** An HttpTransport whose request body is fed by the test (`body.push(chunk)`, `body.push(null)`). */
export function fakeHttp(
  options: { body?: Array<string | Uint8Array>; files?: boolean; hints?: boolean; flush?: boolean } = {},
): FakeHttp {
  const closed = gate();
  const body = new Channel<Uint8Array | null>();
  if (options.body) {
    for (const chunk of options.body) body.push(typeof chunk === 'string' ? enc(chunk) : chunk);
    body.push(null);
  }
  const fake: FakeHttp = {
    calls: [],
    logs: [],
    body,
    writeGate: null,
    disconnect: () => closed.resolve(),
    read: () => body.next(),
    closed: closed.promise,
    start(status, headers, info) {
      fake.calls.push(['start', status, headers, info]);
    },
    async write(chunk) {
      fake.calls.push(['write', dec(chunk)]);
      if (fake.writeGate) await fake.writeGate.promise;
    },
    end(trailers) {
      fake.calls.push(['end', trailers]);
      return Promise.resolve();
    },
    abort(error) {
      fake.calls.push(['abort', error]);
    },
    log(level, message, error) {
      fake.logs.push([level, message, error]);
    },
  };
  if (options.files) {
    fake.sendFile = (path) => {
      fake.calls.push(['sendFile', path]);
      return Promise.resolve();
    };
  }
  if (options.flush) {
    fake.flush = () => {
      fake.calls.push(['flush']);
    };
  }
  if (options.hints) {
    fake.earlyHints = (links) => {
      fake.calls.push(['earlyHints', links]);
      return Promise.resolve();
    };
  }
  return fake;
}

export type WsCall =
  | ['accept', string | null, HeaderList]
  | ['send', string | Uint8Array]
  | ['close', number, string]
  | ['deny', number, HeaderList, string];

export interface FakeWebSocket extends WebSocketTransport {
  calls: WsCall[];
  logs: Array<[LogLevel, string, unknown]>;
  /** Client messages; push `null` to end the stream. */
  inbox: { push(item: string | Uint8Array | null): void };
  /** Push style only: 'pause' and 'resume' as runWebSocket asked for them. */
  flow: Array<'pause' | 'resume'>;
  /** The client closes with this code and reason. */
  clientClose(code?: number, reason?: string): void;
}

/**
 * A WebSocketTransport driven by the test; a server close is echoed by the client. `pull` hands client
 * messages over as an async iterable (`messages`) and resolves sends with promises; `push` delivers
 * them through `listen` and takes sends synchronously, as @tsgi/node's transport does.
 */
export function fakeWebSocket(style: 'pull' | 'push' = 'pull'): FakeWebSocket {
  const closed = gate<CloseInfo>();
  const channel = new Channel<string | Uint8Array | null>();
  let onMessage: ((data: string | Uint8Array) => void) | undefined;
  let ended = false;
  const fake: FakeWebSocket = {
    calls: [],
    logs: [],
    flow: [],
    inbox: {
      push(item) {
        if (style === 'pull') channel.push(item);
        else if (item === null) ended = true;
        else if (!ended) onMessage?.(item);
      },
    },
    clientClose(code = 1000, reason = '') {
      fake.inbox.push(null);
      closed.resolve({ code, reason });
    },
    accept(subprotocol, headers) {
      fake.calls.push(['accept', subprotocol, headers]);
      return Promise.resolve();
    },
    send(data) {
      fake.calls.push(['send', data]);
      return style === 'pull' ? Promise.resolve() : undefined;
    },
    close(code, reason) {
      fake.calls.push(['close', code, reason]);
      // RFC 6455 §5.5.1: the client answers with the same code.
      fake.inbox.push(null);
      closed.resolve({ code, reason });
      return Promise.resolve();
    },
    deny(status, headers, body) {
      fake.calls.push(['deny', status, headers, dec(body)]);
      closed.resolve({ code: 1006, reason: '' });
      return Promise.resolve();
    },
    closed: closed.promise,
    log(level, message, error) {
      fake.logs.push([level, message, error]);
    },
  };
  if (style === 'pull') {
    fake.messages = {
      [Symbol.asyncIterator]: () => ({
        next: async (): Promise<IteratorResult<string | Uint8Array>> => {
          const item = await channel.next();
          return item === null ? { done: true, value: undefined } : { done: false, value: item };
        },
      }),
    };
  } else {
    fake.listen = (listener) => {
      onMessage = listener;
      return { pause: () => void fake.flow.push('pause'), resume: () => void fake.flow.push('resume') };
    };
  }
  return fake;
}

/** Polls `predicate` on each macrotask until it holds; fails after `timeoutMs` (no fixed sleeps). */
export async function until(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`until: condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
