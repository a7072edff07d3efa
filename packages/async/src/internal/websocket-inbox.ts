// Client messages on their way to the app's receive(): pushed by the host (listen) or pulled from it
// (messages), as websocket.receive events, then websocket.disconnect once the connection is gone.
import type { CloseInfo, WebSocketFlow, WebSocketTransport } from '../transport.js';
import type { WebSocketDisconnectEvent, WebSocketReceiveMessage } from '../types/websocket.js';

/** The app's view of the client's messages (async §4.4, §4.6). */
export interface WebSocketInbox {
  /** The next message, in order; the disconnect once every message before the close was taken. */
  next(): Promise<WebSocketReceiveMessage>;
  /** The connection closed (`closed` settled): messages queued before it are still taken. */
  end(info: CloseInfo): void;
  /** The app is done: queued and later messages are dropped. */
  stop(): Promise<unknown>;
}

// Messages the app may lag behind by before the host stops reading: a slow app never buffers a fast
// client's flood. Reading resumes once half of them were taken.
const HIGH_WATER = 64;
const LOW_WATER = HIGH_WATER / 2;
const DONE = Promise.resolve();

type Data = string | Uint8Array;
type Wake = (event: WebSocketReceiveMessage | Promise<WebSocketReceiveMessage>) => void;

/**
 * The inbox over a transport: push style when it has `listen`, pull style otherwise. `closed` is the
 * connection's end, never rejecting; the caller calls `end` once it settles.
 *
 * @example
 * const inbox = openInbox(transport, closed);
 * void closed.then((info) => inbox.end(info));
 * const event = await inbox.next();
 */
export function openInbox(transport: WebSocketTransport, closed: Promise<CloseInfo>): WebSocketInbox {
  if (transport.listen) return new PushInbox(transport, closed);
  if (transport.messages) return new PullInbox(transport.messages[Symbol.asyncIterator](), closed);
  throw new TypeError('async §4.8: a WebSocketTransport needs listen() or messages');
}

/**
 * Messages the host pushes. One the app already waits for settles that wait directly; one that
 * arrives while the app is busy is queued, with no promise until the app asks for it.
 */
class PushInbox implements WebSocketInbox {
  private readonly queue: Data[] = [];
  private readonly flow: WebSocketFlow;
  /** The app's receive() waiting for a message; more only if it calls receive() again meanwhile. */
  private waiting: Wake | undefined;
  private more: Wake[] | undefined;
  private ended = false;
  private paused = false;

  constructor(
    transport: WebSocketTransport,
    private readonly closed: Promise<CloseInfo>,
  ) {
    // Called as a method (no bound copy kept per connection); openInbox checked it is there.
    this.flow = transport.listen?.(this.push) as WebSocketFlow;
  }

  private readonly push = (data: Data): void => {
    if (this.ended) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = this.more?.shift();
      waiting(toEvent(data));
      return;
    }
    this.queue.push(data);
    if (!this.paused && this.queue.length >= HIGH_WATER) {
      this.paused = true;
      this.flow.pause();
    }
  };

  /** The executor of a receive() that waits, made once rather than per message. */
  private readonly wait = (resolve: Wake): void => {
    if (this.waiting) (this.more ??= []).push(resolve);
    else this.waiting = resolve;
  };

  next(): Promise<WebSocketReceiveMessage> {
    if (this.queue.length > 0) {
      const data = this.queue.shift() as Data;
      if (this.paused && this.queue.length <= LOW_WATER) {
        this.paused = false;
        this.flow.resume();
      }
      return Promise.resolve(toEvent(data));
    }
    if (this.ended) return this.closed.then(disconnect);
    return new Promise(this.wait);
  }

  /** The connection closed: messages queued before it are still taken, then the disconnect. */
  end(info: CloseInfo): void {
    this.ended = true;
    this.wakeAll(disconnect(info));
  }

  stop(): Promise<void> {
    this.ended = true;
    this.queue.length = 0;
    this.wakeAll(this.closed.then(disconnect));
    return DONE;
  }

  private wakeAll(event: WebSocketReceiveMessage | Promise<WebSocketReceiveMessage>): void {
    const waiting = [this.waiting, ...(this.more ?? [])];
    this.waiting = undefined;
    this.more = undefined;
    for (const wake of waiting) wake?.(event);
  }
}

/** Messages pulled from the host's async iterator, which ends after the last one. */
class PullInbox implements WebSocketInbox {
  constructor(
    private readonly messages: AsyncIterator<Data>,
    private readonly closed: Promise<CloseInfo>,
  ) {}

  next(): Promise<WebSocketReceiveMessage> {
    return this.messages.next().then(this.toMessage, this.failed);
  }

  // The iterator ends after the close by itself (WebSocketTransport.messages).
  end(): void {}

  stop(): Promise<unknown> {
    return this.messages.return?.().catch(() => undefined) ?? DONE;
  }

  // Not raced against `closed`: messages that arrived before the close are still delivered, and the
  // iterator ends after them. One that fails has lost the connection: that too ends the messages.
  private readonly toMessage = (next: IteratorResult<Data>): WebSocketReceiveMessage | Promise<WebSocketReceiveMessage> =>
    next.done === true ? this.closed.then(disconnect) : toEvent(next.value);

  private readonly failed = (): Promise<WebSocketReceiveMessage> => this.closed.then(disconnect);
}

function toEvent(data: Data): WebSocketReceiveMessage {
  return typeof data === 'string' ? { type: 'websocket.receive', text: data } : { type: 'websocket.receive', bytes: data };
}

/** async §4.6: how the connection ended, as the app sees it. */
export function disconnect(info: CloseInfo): WebSocketDisconnectEvent {
  return { type: 'websocket.disconnect', code: info.code, reason: info.reason };
}
