// The event loop's side of one request on one thread: feeds the body when the thread asks, sends
// what the thread produces (each send awaited: backpressure), and cancels the thread's work when
// the client leaves. `done` settles as the app call would: rejecting means 500 or an abort.
import { isClientDisconnected, type HeaderList, type Receive, type Send } from '@tsgi/async';
import { BODY, MAILBOX_BYTES, SLOT, mailbox, slots } from './channel.js';
import { createHangWatch, type HangWatch } from './hang-watch.js';
import { fromErrorData, type ThreadMessage } from './protocol.js';

const EMPTY = new Uint8Array(0);

/** One request in progress on a thread. */
export class Exchange {
  /** Settles when the response is over (rejects: the app failed, the thread hung or died). */
  readonly done: Promise<void>;
  private settle!: (error?: Error) => void;
  private settled = false;
  private chain: Promise<void> = Promise.resolve();
  private readonly control: Int32Array;
  private readonly box: Uint8Array | null;
  private pending: Uint8Array | null = null;
  private bodyEnded = false;
  private clientGone = false;
  private readonly watch: HangWatch;

  constructor(
    readonly id: number,
    /** 'GET /path', for log lines. */
    readonly label: string,
    buffer: SharedArrayBuffer,
    private readonly receive: Receive,
    private readonly send: Send,
    timeoutMs: number,
    onHang: (exchange: Exchange) => void,
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      this.settle = (error) => (error === undefined ? resolve() : reject(error));
    });
    this.control = slots(buffer);
    this.box = mailbox(buffer);
    this.watch = createHangWatch(timeoutMs, () => onHang(this));
    if (this.box === null) this.watchDisconnect();
  }

  /** A message from the thread, for this request. */
  handle(message: ThreadMessage): void {
    this.watch.progress();
    this.chain = this.chain.then(() => this.process(message)).catch((error: unknown) => this.finish(error));
  }

  /** The thread hung or died: end the app call with `error` (or quietly, if the client left). */
  fail(error: Error): void {
    this.cancel();
    this.finish(this.clientGone ? undefined : error);
  }

  private async process(message: ThreadMessage): Promise<void> {
    if (this.settled) return;
    switch (message.type) {
      case 'want':
        return this.feed();
      case 'start':
        // async §2.3: header names go out lower-case (HTTP/2 requires it).
        if (!this.clientGone) await this.client(() => this.send({ type: 'http.response.start', status: message.status, headers: message.headers.map(([name, value]) => [name.toLowerCase(), value]) }));
        return;
      case 'body':
        if (!this.clientGone) await this.client(() => this.send({ type: 'http.response.body', body: message.chunk, moreBody: true }));
        Atomics.sub(this.control, SLOT.inFlight, message.chunk.byteLength);
        Atomics.notify(this.control, SLOT.inFlight);
        return;
      case 'whole': {
        // A short response crosses in one message: one hop instead of three or more per request.
        const { chunks } = message;
        const headers: HeaderList = message.headers.map(([name, value]) => [name.toLowerCase(), value]);
        if (!this.clientGone) await this.client(() => this.send({ type: 'http.response.start', status: message.status, headers }));
        for (let i = 0; i < chunks.length - 1 && !this.clientGone; i++) await this.client(() => this.send({ type: 'http.response.body', body: chunks[i] as Uint8Array, moreBody: true }));
        if (!this.clientGone) await this.client(() => this.send({ type: 'http.response.body', body: chunks.at(-1) ?? EMPTY, moreBody: false }));
        return this.finish();
      }
      case 'end':
        if (!this.clientGone) await this.client(() => this.send({ type: 'http.response.body', body: EMPTY, moreBody: false }));
        return this.finish();
      case 'refused':
        if (!this.clientGone) {
          await this.client(() => this.send({ type: 'http.response.start', status: message.status, headers: message.headers }));
          await this.client(() => this.send({ type: 'http.response.body', body: message.body, moreBody: false }));
        }
        return this.finish();
      case 'error':
        return this.finish(this.clientGone ? undefined : fromErrorData(message.error));
      default:
        return;
    }
  }

  /** The thread's read() is blocked on an empty mailbox: give it the next bytes, the end, or abort. */
  private async feed(): Promise<void> {
    if (this.pending !== null) return this.deliver(this.pending);
    while (!this.bodyEnded) {
      const event = await this.client(() => this.receive());
      if (event.type !== 'http.request') return this.gone();
      if (!event.moreBody) this.bodyEnded = true;
      if (event.body.byteLength > 0) return this.deliver(event.body);
    }
    this.setBody(BODY.end);
    this.watchDisconnect();
  }

  private deliver(bytes: Uint8Array): void {
    const box = this.box;
    if (box === null) return;
    const n = Math.min(bytes.byteLength, MAILBOX_BYTES);
    box.set(bytes.subarray(0, n));
    this.pending = n < bytes.byteLength ? bytes.subarray(n) : null;
    Atomics.store(this.control, SLOT.bodyLength, n);
    this.setBody(BODY.full);
  }

  private setBody(state: number): void {
    Atomics.store(this.control, SLOT.bodyState, state);
    Atomics.notify(this.control, SLOT.bodyState);
  }

  /** After the body, receive() resolves only on disconnect (async §3.3): then stop the thread's work. */
  private watchDisconnect(): void {
    this.receive().then(
      (event) => {
        if (event.type === 'http.disconnect' && !this.settled) this.gone();
      },
      () => undefined,
    );
  }

  /** Awaits the client, with the hang watch paused; a disconnect cancels the thread's work. */
  private async client<T>(call: () => Promise<T>): Promise<T> {
    this.watch.pause();
    try {
      return await call();
    } catch (error) {
      if (!isClientDisconnected(error)) throw error;
      this.gone();
      return { type: 'http.disconnect' } as T;
    } finally {
      this.watch.resume();
    }
  }

  private gone(): void {
    this.clientGone = true;
    this.cancel();
  }

  private cancel(): void {
    Atomics.store(this.control, SLOT.cancelled, 1);
    Atomics.notify(this.control, SLOT.inFlight);
    const state = Atomics.load(this.control, SLOT.bodyState);
    if (state === BODY.idle || state === BODY.want) this.setBody(BODY.abort);
  }

  private finish(error?: unknown): void {
    const reason = error === undefined || error instanceof Error ? error : new Error('the response failed', { cause: error });
    if (this.settled) return;
    this.settled = true;
    this.watch.stop();
    this.settle(reason);
  }
}
