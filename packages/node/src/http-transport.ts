// runHttp's transport over a node:http (or node:http2 compatibility) request/response pair.
import { ClientDisconnected, COMMON_MESSAGES, type HeaderList, type HttpTransport, type LogFn } from '@tsgi/async';
import { Readable } from 'node:stream';
import type { ServerResponse } from 'node:http';
import { constants, type Http2ServerResponse } from 'node:http2';
import { BodyReader, type BodyLimits } from './body-reader.js';
import type { HttpError } from './errors.js';
import { onExchangeEnd } from './exchange-end.js';
import { openFileBody } from './file-body.js';
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
  onResponseStart?: (status: number, headers: HeaderList, req: NodeRequest) => boolean;
  /** Added as `server` when the app sets none; null adds nothing. */
  serverHeader: string | null;
  log: LogFn;
}

/** Builds the transport runHttp drives, plus the record of what was sent. */
export function createHttpTransport(
  req: NodeRequest,
  res: NodeResponse,
  options: TransportOptions,
  bodyBytes?: Uint8Array,
): HttpTransport & { readonly record: ExchangeRecord; readonly body: BodyReader; detach(options: { endForApp: boolean }): void } {
  const http2 = req.httpVersion === '2.0';
  const record: ExchangeRecord = { status: 0, bytes: 0, completed: false, started: performance.now() };
  let continued = false;
  let aborted = false;
  let leave!: () => void;
  const closed = new Promise<void>((resolve) => {
    leave = resolve;
  });
  // Callbacks plain functions rather than promises: one exchange-end hook serves them all, so a
  // request allocates no promise it does not wait on.
  let over = false;
  let onOver: Array<() => void> | null = null;
  const whenOver = (callback: () => void): void => {
    if (over) callback();
    else (onOver ??= []).push(callback);
  };
  onExchangeEnd(req, res, () => {
    over = true;
    // node:http2's compatibility response reports writableFinished even for a reset stream, so
    // "the app never ended it" is what says the client left.
    record.completed = res.writableEnded && !aborted;
    if (!record.completed) leave();
    if (onOver) for (const callback of onOver) callback();
  });
  // A body something upstream already read (Express's parsers) is replayed instead of the stream.
  const source = bodyBytes === undefined ? req : Readable.from(bodyBytes.byteLength > 0 ? [Buffer.from(bodyBytes)] : []);
  const body = new BodyReader(source, options.body, {
    // RFC 9112 §6.3: an HTTP/1.x request with neither Content-Length nor Transfer-Encoding has no body.
    empty: bodyBytes === undefined && !http2 && req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined,
    beforeFirstRead() {
      // RFC 9110 §10.1.1: send 100 Continue only once the app asks for the body.
      continued = true;
      if (expectsContinue(req) && !res.headersSent && !(res as { _sent100?: boolean })._sent100) res.writeContinue();
    },
    refuse(error: HttpError) {
      // The app's exchange is over: it reads http.disconnect, and anything it sends is refused.
      aborted = true;
      leave();
      options.log('info', error.message);
      if (res.headersSent) res.destroy();
      else writeRefusal(res, error, options);
    },
  });
  // Once detached, the response belongs to someone else: the app's output goes nowhere.
  let detached = false;
  const detach = (options: { endForApp: boolean }): void => {
    detached = true;
    // An app that raised is told the exchange is over; one still sending finishes into the void.
    if (options.endForApp) leave();
  };
  // async §3.4.6: the head waits for the first body event, so a file's length can still join it.
  let head: ResponseHead | null = null;
  let declaredLength: number | null = null;
  // Set once a final write has ended the response.
  let finished: Promise<void> | null = null;
  const commit = (extra?: [string, string]): void => {
    const pending = head;
    head = null;
    // A refusal (413, 408) may have answered in the meantime.
    if (pending === null || res.headersSent || res.destroyed) return;
    if (extra) pending.fields.push(...extra);
    writeHead(res, pending, http2);
  };

  const transport = {
    record,
    body,
    closed,
    detach,
    read: () => body.read(),
    start(status: number, headers: HeaderList, info?: { trailers: boolean }) {
      if (detached) return;
      if (options.onResponseStart?.(status, headers, req)) return detach({ endForApp: false });
      record.status = status;
      head = toResponseHead(status, headers, { http2, trailers: info?.trailers === true, serverHeader: options.serverHeader });
      declaredLength = head.contentLength;
      // RFC 9110 §10.1.1: a body the client was told to hold back is never coming; do not wait for it.
      if (!continued && expectsContinue(req) && !body.done && !http2) head.fields.push('connection', 'close');
    },
    write(chunk: Uint8Array, info?: { final: boolean }) {
      if (detached) return Promise.resolve();
      // The whole body in one chunk: head, body and end leave in one write, framed by Content-Length
      // (RFC 9112 §6.3) instead of chunked coding and a second write for its terminator.
      if (info?.final === true && head !== null && head.mayAddLength && declaredLength === null && !res.destroyed) {
        commit(['content-length', String(chunk.byteLength)]);
        record.bytes += chunk.byteLength;
        finished = finish(res, chunk);
        return finished;
      }
      commit();
      return write(res, chunk, record, whenOver);
    },
    flush() {
      if (detached) return;
      commit();
      // node:http2's compatibility response sent its HEADERS frame in writeHead already.
      if (!http2 && !res.writableEnded && !res.destroyed) (res as ServerResponse).flushHeaders();
    },
    async end(trailers?: HeaderList) {
      if (detached) return;
      if (finished !== null) return finished;
      commit();
      if (trailers && http2) (res as Http2ServerResponse).addTrailers(trailerObject(trailers));
      else if (trailers) (res as ServerResponse).addTrailers(trailers);
      await finish(res);
    },
    async sendFile(path: string) {
      if (detached) return;
      const file = await openFileBody({ file: path });
      try {
        // async §6.2: the app sets content-length; a file of another size cannot honour it.
        if (declaredLength !== null && file.length !== null && declaredLength !== file.length) {
          throw new Error(NODE_MESSAGES.fileLengthMismatch(path, declaredLength, file.length));
        }
        // RFC 9112 §6.3: a known length frames the body without chunked coding.
        commit(head?.mayAddLength && file.length !== null ? ['content-length', String(file.length)] : undefined);
        for await (const chunk of file.chunks()) {
          // A client that left is not a file that failed: runHttp tells the app as for any send.
          await write(res, chunk, record, whenOver).catch((error: unknown) => {
            throw new ClientDisconnected(COMMON_MESSAGES.clientDisconnected, { cause: error });
          });
        }
      } finally {
        await file.close();
      }
    },
    async earlyHints(links: string[]) {
      // RFC 9110 §15.2: no 1xx to an HTTP/1.0 client.
      if (detached || req.httpVersion === '1.0') return;
      await new Promise<void>((resolve) => res.writeEarlyHints({ link: links }, resolve));
    },
    abort() {
      if (detached) return;
      aborted = true;
      // The status line goes out even when no body byte did, so the client sees which response broke.
      commit();
      abort(res, http2);
    },
    log: options.log,
  };
  return transport;
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

function expectsContinue(req: NodeRequest): boolean {
  return req.headers.expect?.toLowerCase() === '100-continue';
}

function write(res: NodeResponse, chunk: Uint8Array, record: ExchangeRecord, whenOver: (callback: () => void) => void): Promise<void> {
  if (res.destroyed || res.writableEnded) return Promise.reject(new Error('the connection is closed'));
  record.bytes += chunk.byteLength;
  if ((res as ServerResponse).write(chunk)) return RESOLVED;
  return new Promise((resolve, reject) => {
    const onDrain = (): void => resolve();
    res.once('drain', onDrain);
    whenOver(() => {
      res.off('drain', onDrain);
      reject(new Error('the connection closed while writing'));
    });
  });
}

/**
 * Ends the response. The last bytes are handed to node, which flushes them on its own: like
 * uvicorn, the app's last send does not wait for the client to take them.
 */
function finish(res: NodeResponse, chunk?: Uint8Array): Promise<void> {
  if (res.destroyed) return Promise.reject(new Error('the connection is closed'));
  if (chunk) (res as ServerResponse).end(chunk);
  else (res as ServerResponse).end();
  return RESOLVED;
}

const RESOLVED = Promise.resolve();

function trailerObject(trailers: HeaderList): Record<string, string[]> {
  const object: Record<string, string[]> = {};
  for (const [name, value] of trailers) (object[name.toLowerCase()] ??= []).push(value);
  return object;
}
