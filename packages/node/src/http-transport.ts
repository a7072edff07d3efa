// runHttp's transport over a node:http (or node:http2 compatibility) request/response pair.
import { ClientDisconnected, COMMON_MESSAGES, type HeaderList, type HttpTransport, type LogFn } from '@tsgi/async';
import { Readable } from 'node:stream';
import type { ServerResponse } from 'node:http';
import { constants, type Http2ServerResponse, type OutgoingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import { BodyReader, type BodyLimits } from './body-reader.js';
import type { HttpError } from './errors.js';
import { watchExchange, type ExchangeWatcher } from './exchange-end.js';
import { openFileBody, type FileBody } from './file-body.js';
import { NODE_MESSAGES } from './messages.js';
import { writeRefusal } from './refusal.js';
import type { NodeRequest } from './request-parts.js';
import { toResponseHead, type ResponseHead } from './response-head.js';

/** A response from node:http, or node:http2's compatibility API. */
export type NodeResponse = ServerResponse | Http2ServerResponse;

/** What the transport reports once the exchange ends (for access logs). */
export interface ExchangeRecord {
  status: number;
  /** Response body bytes handed to node. */
  bytes: number;
  /** False when the connection ended before the response completed. */
  completed: boolean;
  /** `performance.now()` when the exchange began. */
  started: number;
}

/** Options of one transport, resolved once per handler. */
export interface TransportOptions {
  body: BodyLimits;
  /** Return true to take the response over; the app's is then discarded. */
  onResponseStart?: ((status: number, headers: HeaderList, req: NodeRequest) => boolean) | undefined;
  /** Added as `server` when the app sets none; null adds nothing. */
  serverHeader: string | null;
  log: LogFn;
  /** Called once the exchange is over, with what was sent. */
  onExchange?: ((req: NodeRequest, record: ExchangeRecord, res: NodeResponse) => void) | undefined;
}

/** The transport runHttp drives, plus the record of what was sent. */
export type NodeHttpTransport = HttpTransport & {
  readonly record: ExchangeRecord;
  readonly body: BodyReader;
  detach(options: { endForApp: boolean }): void;
  /** Calls `callback` once the exchange is over (response closed, or its connection), at once if it is. */
  whenOver(callback: () => void): void;
};

/**
 * Builds the transport runHttp drives, plus the record of what was sent.
 *
 * @example
 * const transport = createHttpTransport(req, res, options);
 * await runHttp(app, scope, transport);
 */
export function createHttpTransport(req: NodeRequest, res: NodeResponse, options: TransportOptions, bodyBytes?: Uint8Array): NodeHttpTransport {
  return new Transport(req, res, options, bodyBytes);
}

// A class rather than an object of closures: one allocation per request instead of a dozen. It is
// its own exchange watcher, for the same reason.
class Transport implements NodeHttpTransport, ExchangeWatcher {
  status = 0;
  bytes = 0;
  completed = false;
  readonly started: number;
  readonly log: LogFn;
  private readonly http2: boolean;
  /** The exchange is over for the app: its client left, or the body was refused. */
  private left = false;
  /** runHttp's listener (onClose), told when the exchange ends for the app. */
  private closeListener: (() => void) | null = null;
  /** `closed`, made only for a host that asks for the promise rather than handing a listener. */
  private closedPromise: Promise<void> | null = null;
  private resolveClosed: (() => void) | null = null;
  private continued = false;
  private aborted = false;
  /** The exchange is over (response closed, or its connection). */
  private over = false;
  private onOver: Array<() => void> | null = null;
  /** Once detached, the response belongs to someone else: the app's output goes nowhere. */
  private detached = false;
  /** async §3.4.6: the head waits for the first body event, so a file's length can still join it. */
  private head: ResponseHead | null = null;
  private declaredLength: number | null = null;
  /** The app announced trailers (async §6.1): the response ends only when they come. */
  private trailers = false;
  /** The HTTP/2 stream a file was handed to whole (respondWithFD): its reset code says how it ended. */
  private fileStream: ServerHttp2Stream | null = null;
  /** Set once a file handed to an HTTP/2 stream will end the response. */
  private finished: Promise<void> | null = null;
  /** The final write ended the response already. */
  private endedByWrite = false;
  /** Made on the first read: most requests (GETs) never read a body. */
  private reader: BodyReader | null = null;
  /** When a write last left the app waiting for a turn of the event loop (see write). */
  private turned: number;

  constructor(
    private readonly req: NodeRequest,
    private readonly res: NodeResponse,
    private readonly options: TransportOptions,
    private readonly bodyBytes: Uint8Array | undefined,
  ) {
    this.http2 = req.httpVersion === '2.0';
    this.log = options.log;
    this.started = performance.now();
    this.turned = this.started;
    watchExchange(req, res, this);
  }

  get closed(): Promise<void> {
    if (this.closedPromise === null) {
      this.closedPromise = this.left
        ? RESOLVED
        : new Promise<void>((resolve) => {
            this.resolveClosed = resolve;
          });
    }
    return this.closedPromise;
  }

  onClose(listener: () => void): void {
    this.closeListener = listener;
    if (this.left) listener();
  }

  private leave(): void {
    if (this.left) return;
    this.left = true;
    this.closeListener?.();
    this.resolveClosed?.();
  }

  /** What was sent so far, as a plain object (an onExchange hook may keep or serialise it). */
  get record(): ExchangeRecord {
    return { status: this.status, bytes: this.bytes, completed: this.completed, started: this.started };
  }

  get body(): BodyReader {
    return (this.reader ??= this.createReader());
  }

  read(): Promise<Uint8Array | null> {
    return this.body.read();
  }

  private createReader(): BodyReader {
    const { req, bodyBytes } = this;
    // A body something upstream already read (Express's parsers) is replayed instead of the stream.
    const source = bodyBytes === undefined ? req : Readable.from(bodyBytes.byteLength > 0 ? [Buffer.from(bodyBytes)] : []);
    // RFC 9112 §6.3: an HTTP/1.x request with neither Content-Length nor Transfer-Encoding has no body.
    const empty = bodyBytes === undefined && !this.http2 && req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined;
    const declared = req.headers['content-length'];
    return new BodyReader(source, this.options.body, {
      empty,
      length: bodyBytes === undefined && !this.http2 && declared !== undefined ? Number(declared) : undefined,
      beforeFirstRead: () => this.beforeFirstRead(),
      refuse: (error) => this.refuse(error),
    });
  }

  detach(options: { endForApp: boolean }): void {
    this.detached = true;
    // An app that raised is told the exchange is over; one still sending finishes into the void.
    if (options.endForApp) this.leave();
  }

  start(status: number, headers: HeaderList, info?: { trailers: boolean }): void {
    if (this.detached) return;
    if (this.options.onResponseStart?.(status, headers, this.req)) return this.detach({ endForApp: false });
    this.status = status;
    const head = toResponseHead(status, headers, this.http2, info?.trailers === true, this.options.serverHeader);
    this.head = head;
    this.declaredLength = head.contentLength;
    this.trailers = info?.trailers === true;
    // RFC 9110 §10.1.1: a body the client was told to hold back is never coming; do not wait for it.
    if (!this.continued && expectsContinue(this.req) && this.reader?.done !== true && !this.http2) head.fields.push('connection', 'close');
  }

  write(chunk: Uint8Array, info?: { final: boolean }): Promise<void> | undefined {
    if (this.detached) return undefined;
    const { res, head } = this;
    // The last chunk goes out with the end in one write (and the head, when this is the only chunk:
    // framed by Content-Length, RFC 9112 §6.3, instead of chunked coding), without waiting for the
    // client to take it, as uvicorn does for an app's last send.
    if (info?.final === true && !res.destroyed) {
      if (head !== null && head.mayAddLength && this.declaredLength === null) this.commit('content-length', String(chunk.byteLength));
      else this.commit();
      this.bytes += chunk.byteLength;
      res.end(chunk);
      this.endedByWrite = true;
      return undefined;
    }
    this.commit();
    const pending = write(res, chunk, this);
    const now = performance.now();
    if (pending !== undefined || now - this.turned < TURN_MS) {
      if (pending !== undefined) this.turned = now;
      return pending;
    }
    // node corks the socket until the next tick and reports a dead client a tick later. An app
    // whose sends all settle at once (a sync app's generator on the main thread) would hold every
    // chunk and never hear that the client left: past TURN_MS of it, the send waits one turn, so
    // what was written goes out, as each chunk does at once under gunicorn.
    this.turned = now;
    return new Promise((resolve) => setImmediate(resolve));
  }

  flush(): void {
    if (this.detached) return;
    this.commit();
    const res = this.res;
    // node:http2's compatibility response sent its HEADERS frame in writeHead already.
    if (!this.http2 && !res.writableEnded && !res.destroyed) (res as ServerResponse).flushHeaders();
  }

  end(trailers?: HeaderList): Promise<void> | undefined {
    if (this.detached || this.endedByWrite) return undefined;
    // Not an async method: a response ended at once costs no promise at all.
    if (this.finished !== null) return this.finished;
    try {
      this.endNow(trailers);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return finish(this.res);
  }

  private endNow(trailers: HeaderList | undefined): void {
    this.commit();
    if (trailers && this.http2) (this.res as Http2ServerResponse).addTrailers(trailerObject(trailers));
    else if (trailers) (this.res as ServerResponse).addTrailers(trailers);
  }

  async sendFile(path: string): Promise<void> {
    if (this.detached) return;
    const file = await openFileBody({ file: path });
    try {
      const declared = this.declaredLength;
      // async §6.2: the app sets content-length; a file of another size cannot honour it.
      if (declared !== null && file.length !== null && declared !== file.length) {
        throw new Error(NODE_MESSAGES.fileLengthMismatch(path, declared, file.length));
      }
      if (file.length !== null && this.canRespondWithFd()) return await this.respondWithFd(file, file.length);
      // RFC 9112 §6.3: a known length frames the body without chunked coding.
      if (this.head?.mayAddLength && file.length !== null) this.commit('content-length', String(file.length));
      else this.commit();
      for await (const chunk of file.chunks()) {
        // A client that left is not a file that failed: runHttp tells the app as for any send.
        await write(this.res, chunk, this)?.catch((error: unknown) => {
          throw new ClientDisconnected(COMMON_MESSAGES.clientDisconnected, { cause: error });
        });
      }
    } finally {
      await file.close();
    }
  }

  /**
   * HTTP/2 can send a file straight from its descriptor (node's respondWithFD: no chunk passes through
   * JavaScript), but only as the whole response: the head not yet sent, no trailers to follow, and no
   * fields set on `res` by anyone before the app (they would be lost).
   */
  private canRespondWithFd(): boolean {
    const res = this.res;
    return this.http2 && this.head !== null && !this.trailers && !res.headersSent && !res.destroyed && res.getHeaderNames().length === 0;
  }

  private respondWithFd(file: FileBody, length: number): Promise<void> {
    const head = this.head as ResponseHead;
    this.head = null;
    const stream = (this.res as Http2ServerResponse).stream;
    this.fileStream = stream;
    this.bytes += length;
    const headers: OutgoingHttpHeaders = { ':status': head.status };
    for (let i = 0; i + 1 < head.fields.length; i += 2) addField(headers, head.fields[i] ?? '', head.fields[i + 1] ?? '');
    if (head.mayAddLength) headers['content-length'] = length;
    // The descriptor must stay open until the stream is done with it (sendFile's finally closes it).
    const sent = new Promise<void>((resolve, reject) => {
      stream.once('close', () => {
        if (stream.rstCode === constants.NGHTTP2_NO_ERROR) resolve();
        else reject(new ClientDisconnected(COMMON_MESSAGES.clientDisconnected));
      });
    });
    stream.respondWithFD(file.fd, headers, { offset: file.offset, length });
    this.finished = sent.catch(() => undefined);
    return sent;
  }

  async earlyHints(links: string[]): Promise<void> {
    // RFC 9110 §15.2: no 1xx to an HTTP/1.0 client.
    if (this.detached || this.req.httpVersion === '1.0') return;
    await new Promise<void>((resolve) => this.res.writeEarlyHints({ link: links }, resolve));
  }

  abort(): void {
    if (this.detached) return;
    this.aborted = true;
    // The status line goes out even when no body byte did, so the client sees which response broke.
    this.commit();
    abort(this.res, this.http2);
  }

  /** Calls `callback` once the exchange is over (at once if it is). */
  whenOver(callback: () => void): void {
    if (this.over) callback();
    else (this.onOver ??= []).push(callback);
  }

  exchangeEnded(): void {
    if (this.over) return;
    this.over = true;
    // node:http2's compatibility response reports writableFinished even for a reset stream, so there
    // "the app never ended it" says the client left. On HTTP/1.x a response queued behind a pipelined
    // one that never got its socket is ended but not finished, and node reports 'finish' even when
    // the socket failed under the last write (ECONNRESET): the socket's error says so.
    const { res, fileStream } = this;
    const sentWhole =
      fileStream !== null ? fileStream.rstCode === constants.NGHTTP2_NO_ERROR : this.http2 ? res.writableEnded : res.writableFinished && !this.req.socket?.errored;
    this.completed = sentWhole && !this.aborted;
    if (!this.completed) this.leave();
    if (this.onOver) for (const callback of this.onOver) callback();
    this.options.onExchange?.(this.req, this.record, this.res);
  }

  private beforeFirstRead(): void {
    // RFC 9110 §10.1.1: send 100 Continue only once the app asks for the body.
    this.continued = true;
    const res = this.res;
    if (expectsContinue(this.req) && !res.headersSent && !(res as { _sent100?: boolean })._sent100) res.writeContinue();
  }

  private refuse(error: HttpError): void {
    // The app's exchange is over: it reads http.disconnect, and anything it sends is refused.
    this.leave();
    this.options.log('info', error.message);
    if (this.res.headersSent) {
      this.aborted = true;
      this.res.destroy();
      return;
    }
    this.status = error.status;
    this.bytes = writeRefusal(this.res, error, this.options);
  }

  /** Writes the held head, with one more field when given. */
  private commit(name?: string, value?: string): void {
    const pending = this.head;
    this.head = null;
    const res = this.res;
    // A refusal (413, 408) may have answered in the meantime.
    if (pending === null || res.headersSent || res.destroyed) return;
    if (name !== undefined && value !== undefined) pending.fields.push(name, value);
    writeHead(res, pending, this.http2);
  }
}

/**
 * Ends the connection so the client sees an incomplete message (RFC 9112 §8): what was written so
 * far goes out, the chunked terminator or the missing Content-Length bytes never do.
 */
function abort(res: NodeResponse, http2: boolean): void {
  if (http2) {
    // RFC 9113 §8.1: a stream reset with INTERNAL_ERROR after the data sent so far.
    (res as Http2ServerResponse).stream.close(constants.NGHTTP2_INTERNAL_ERROR);
    return;
  }
  const socket = res.socket;
  // The status line goes out even when no body byte did, so the client sees which response broke.
  if (!res.writableEnded && !res.destroyed) (res as ServerResponse).flushHeaders();
  // node corks the socket until the next tick; end() flushes it, destroy() would drop it.
  if (socket && !socket.destroyed) socket.destroySoon();
  else res.destroy();
}

/**
 * node's writeHead(status, fields) falls back to setHeader per pair once anything set headers before
 * (Express middleware, a draining server's `connection: close`), keeping only the last of repeated
 * fields such as set-cookie; those responses get the fields appended instead.
 */
function writeHead(res: NodeResponse, head: ResponseHead, http2: boolean): void {
  const response = res as ServerResponse;
  if (http2 || response.getHeaderNames().length === 0) {
    response.writeHead(head.status, head.fields);
    return;
  }
  const { fields } = head;
  // The app's fields replace any of the same name set before it (helmet's x-frame-options).
  for (let i = 0; i < fields.length; i += 2) response.removeHeader(fields[i] ?? '');
  for (let i = 0; i + 1 < fields.length; i += 2) response.appendHeader(fields[i] ?? '', fields[i + 1] ?? '');
  response.writeHead(head.status);
}

/** A field for node:http2's header object: repeated names (set-cookie) become a list. */
function addField(headers: OutgoingHttpHeaders, name: string, value: string): void {
  const key = name.toLowerCase();
  const present = headers[key];
  if (present === undefined) headers[key] = value;
  else if (Array.isArray(present)) present.push(value);
  else headers[key] = [String(present), value];
}

function expectsContinue(req: NodeRequest): boolean {
  return req.headers.expect?.toLowerCase() === '100-continue';
}

/** Writes one chunk; undefined when node took it at once (HttpTransport.write may return nothing then). */
function write(res: NodeResponse, chunk: Uint8Array, exchange: { bytes: number; whenOver(callback: () => void): void }): Promise<void> | undefined {
  if (res.destroyed || res.writableEnded) return Promise.reject(new Error('the connection is closed'));
  exchange.bytes += chunk.byteLength;
  // Below the high-water mark the app may go on even when node's own (16 KiB) asks to wait: chunks
  // written in one turn then leave in one writev instead of one syscall per 16 KiB.
  if ((res as ServerResponse).write(chunk) || res.writableLength < HIGH_WATER_MARK) return undefined;
  return new Promise((resolve, reject) => {
    const onDrain = (): void => resolve();
    res.once('drain', onDrain);
    exchange.whenOver(() => {
      res.off('drain', onDrain);
      reject(new Error('the connection closed while writing'));
    });
  });
}

/**
 * Ends the response. The last bytes are handed to node, which flushes them on its own: like
 * uvicorn, the app's last send does not wait for the client to take them.
 */
function finish(res: NodeResponse): Promise<void> | undefined {
  if (res.destroyed) return Promise.reject(new Error('the connection is closed'));
  res.end();
  return undefined;
}

const RESOLVED = Promise.resolve();

/** How long an app may stream without giving node a turn of the event loop, in milliseconds. */
const TURN_MS = 1;

/** Response bytes node may hold before a write waits for 'drain': uvicorn's flow-control limit. */
const HIGH_WATER_MARK = 64 * 1024;

function trailerObject(trailers: HeaderList): Record<string, string[]> {
  const object: Record<string, string[]> = {};
  for (const [name, value] of trailers) (object[name.toLowerCase()] ??= []).push(value);
  return object;
}
