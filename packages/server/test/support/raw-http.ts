// Raw TCP for protocol tests: write exact bytes, read exact responses (RFC 9112 framing).
import { connect, type Socket } from 'node:net';

/** One response as parsed off the wire. */
export interface RawResponse {
  status: number;
  /** The status line and header section, exactly as received. */
  head: string;
  /** Names lower-cased. */
  headers: Array<[string, string]>;
  body: Buffer;
  /** The body was chunked and ended with its last chunk (false: the connection ended first). */
  complete: boolean;
}

/** A raw client connection that parses responses as they arrive. */
export class RawConnection {
  private buffer = Buffer.alloc(0);
  private ended = false;
  private waiters: Array<() => void> = [];
  readonly socket: Socket;
  readonly closed: Promise<void>;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake();
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.ended = true;
        this.wake();
        resolve();
      }),
    );
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  write(data: string | Buffer): void {
    this.socket.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  /** Everything received and not yet parsed, as latin-1. */
  get pending(): string {
    return this.buffer.toString('latin1');
  }

  /** True once the server closed the connection (or it reset). */
  get isClosed(): boolean {
    return this.ended;
  }

  /** Resolves when the received bytes satisfy `ready`, or rejects after `timeoutMs`. */
  async waitFor(ready: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      if (this.ended) throw new Error(`connection closed while waiting; received ${JSON.stringify(this.pending.slice(0, 300))}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting; received ${JSON.stringify(this.pending.slice(0, 300))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Parses the next response; `head` says the request was HEAD (no body follows). */
  async response(options: { head?: boolean; timeoutMs?: number } = {}): Promise<RawResponse> {
    let parsed: { response: RawResponse; used: number } | null = null;
    await this.waitForOrEnd(() => (parsed = parseResponse(this.buffer, options.head ?? false, this.ended)) !== null, options.timeoutMs);
    if (parsed === null) throw new Error(`no complete response; received ${JSON.stringify(this.pending.slice(0, 300))}`);
    const { response, used } = parsed;
    this.buffer = this.buffer.subarray(used);
    return response;
  }

  /** Resolves once the server closes the connection. */
  async waitClosed(timeoutMs = 5000): Promise<void> {
    await this.waitForOrEnd(() => this.ended, timeoutMs);
    if (!this.ended) throw new Error('the server kept the connection open');
  }

  close(): void {
    this.socket.destroy();
  }

  private async waitForOrEnd(ready: () => boolean, timeoutMs = 5000): Promise<void> {
    try {
      await this.waitFor(() => ready() || this.ended, timeoutMs);
    } catch (error) {
      if (!this.ended) throw error;
    }
    ready();
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}

/** One response from the front of `data`, or null if more bytes are needed. */
function parseResponse(data: Buffer, head: boolean, ended: boolean): { response: RawResponse; used: number } | null {
  let offset = 0;
  // RFC 9110 §15.2: interim (1xx) responses come first; skip them.
  for (;;) {
    const end = data.indexOf('\r\n\r\n', offset);
    if (end === -1) return null;
    const headText = data.subarray(offset, end).toString('latin1');
    const [statusLine = '', ...lines] = headText.split('\r\n');
    const status = Number(statusLine.split(' ')[1]);
    const headers = lines.map((line): [string, string] => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
    });
    const bodyStart = end + 4;
    if (status >= 100 && status < 200 && status !== 101) {
      offset = bodyStart;
      continue;
    }
    const get = (name: string): string | undefined => headers.find(([key]) => key === name)?.[1];
    const base = { status, head: headText, headers };
    if (head || status === 204 || status === 304 || status === 101) return { response: { ...base, body: Buffer.alloc(0), complete: true }, used: bodyStart };
    if (get('transfer-encoding')?.toLowerCase() === 'chunked') {
      const chunks: Buffer[] = [];
      let at = bodyStart;
      for (;;) {
        const lineEnd = data.indexOf('\r\n', at);
        if (lineEnd === -1) return ended ? { response: { ...base, body: Buffer.concat(chunks), complete: false }, used: data.length } : null;
        const size = Number.parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
        if (size === 0) {
          const trailerEnd = data.indexOf('\r\n\r\n', lineEnd);
          if (trailerEnd === -1) return ended ? { response: { ...base, body: Buffer.concat(chunks), complete: false }, used: data.length } : null;
          return { response: { ...base, body: Buffer.concat(chunks), complete: true }, used: trailerEnd + 4 };
        }
        if (data.length < lineEnd + 2 + size + 2) {
          return ended ? { response: { ...base, body: Buffer.concat([...chunks, data.subarray(lineEnd + 2)]), complete: false }, used: data.length } : null;
        }
        chunks.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
    }
    const length = get('content-length');
    if (length !== undefined) {
      const n = Number(length);
      if (data.length - bodyStart < n) return ended ? { response: { ...base, body: data.subarray(bodyStart), complete: false }, used: data.length } : null;
      return { response: { ...base, body: data.subarray(bodyStart, bodyStart + n), complete: true }, used: bodyStart + n };
    }
    // No framing: the body runs to the end of the connection.
    return ended ? { response: { ...base, body: data.subarray(bodyStart), complete: true }, used: data.length } : null;
  }
}
