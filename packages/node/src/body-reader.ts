// The request body, pulled chunk by chunk (the socket pauses while the app does not read), with
// the body-size limit and the slow-body (slowloris) cut-off.
import type { Readable } from 'node:stream';
import { HttpError } from './errors.js';
import { NODE_MESSAGES } from './messages.js';

/** Limits on one request body. */
export interface BodyLimits {
  /** Most bytes accepted; 0 means no limit. */
  limit: number;
  /** Seconds the body may stall in total, beyond what `minRate` earns; 0 turns the cut-off off. */
  timeout: number;
  /** Bytes per second that earn one more second; 0 turns the cut-off off. */
  minRate: number;
}

const NEVER = new Promise<never>(() => undefined);

/**
 * Reads a request stream for runHttp's transport. Once it refuses the body (too large or too slow)
 * it calls `refuse` and never settles again: the host closes the connection and the app sees
 * http.disconnect.
 *
 * @example
 * const body = new BodyReader(req, limits, { beforeFirstRead: () => res.writeContinue(), refuse });
 * for (let chunk = await body.read(); chunk; chunk = await body.read()) total += chunk.byteLength;
 */
export class BodyReader {
  /** Body bytes received so far. */
  received = 0;
  /** True once the whole body was read. */
  done = false;
  private started = false;
  private refused = false;
  private waitedMs = 0;
  private iterator: AsyncIterator<Buffer> | undefined;

  constructor(
    private readonly stream: Readable,
    private readonly limits: BodyLimits,
    private readonly hooks: { beforeFirstRead(): void; refuse(error: HttpError): void; empty?: boolean; length?: number | undefined },
  ) {}

  async read(): Promise<Uint8Array | null> {
    if (this.refused) return NEVER;
    if (this.done) return null;
    if (!this.started) {
      this.started = true;
      // A request known to have no body has nothing to read (most GETs): answer at once.
      if (this.hooks.empty === true) {
        this.done = true;
        return null;
      }
      // node emits 'request' once the headers are parsed and parses the rest of the same packet
      // (a small body, all of it) right after the listener returns: one microtask later those
      // bytes are buffered, and next() can take them without an iterator or a timer.
      await Promise.resolve();
      if (this.refused) return NEVER;
      this.hooks.beforeFirstRead();
    }
    // RFC 9112 §6.2: node's parser holds an HTTP/1.x body to its Content-Length, so once that many
    // bytes are in, the body is over, whether or not node has said so yet.
    const { length } = this.hooks;
    if (length !== undefined && this.received >= length) {
      this.done = true;
      return null;
    }
    let result: IteratorResult<Buffer>;
    try {
      result = await this.next();
    } catch {
      // The stream failed: the client went away, and the transport's `closed` says so.
      return NEVER;
    }
    if (this.refused) return NEVER;
    if (result.done === true) {
      this.done = true;
      return null;
    }
    const chunk = result.value;
    this.received += chunk.byteLength;
    if (this.limits.limit > 0 && this.received > this.limits.limit) {
      this.refuse(new HttpError(NODE_MESSAGES.bodyTooLarge(this.limits.limit), { status: 413 }));
      return NEVER;
    }
    return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }

  private async next(): Promise<IteratorResult<Buffer>> {
    // Bytes node has buffered already (a small body arrives with its headers) are taken at once,
    // with no iterator and no slow-body timer: nothing is waited for.
    if (this.iterator === undefined && this.stream.readableLength > 0) {
      const chunk = this.stream.read() as Buffer | null;
      if (chunk !== null) return { done: false, value: chunk };
    }
    if (this.iterator === undefined && (this.stream as { complete?: boolean }).complete === true && this.stream.readableLength === 0) return { done: true, value: undefined };
    const { timeout, minRate } = this.limits;
    const iterator = (this.iterator ??= this.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
    if (timeout <= 0 || minRate <= 0) return iterator.next();
    // Apache mod_reqtimeout's model: a base allowance, plus one second per `minRate` bytes. Only
    // time spent waiting on the client counts, never time the app spends not reading.
    const allowedMs = timeout * 1000 + (this.received / minRate) * 1000 - this.waitedMs;
    const began = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), Math.max(0, allowedMs));
    });
    try {
      const result = await Promise.race([iterator.next(), expired]);
      if (result === 'expired') {
        this.refuse(new HttpError(NODE_MESSAGES.bodyTooSlow(timeout, minRate), { status: 408 }));
        return NEVER;
      }
      return result;
    } finally {
      clearTimeout(timer);
      this.waitedMs += performance.now() - began;
    }
  }

  private refuse(error: HttpError): void {
    if (this.refused) return;
    this.refused = true;
    this.hooks.refuse(error);
  }
}
