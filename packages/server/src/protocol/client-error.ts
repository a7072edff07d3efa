// node's 'clientError': what the parser refused, answered with the right status and Connection: close,
// after the answers to the requests before it on the same connection.
import { writeRawResponse } from '@tsgi/node';
import type { LogFn } from '@tsgi/async';
import type { Socket } from 'node:net';
import { PROTOCOL_MESSAGES } from './messages.js';

/** The parts of a parser error node hands to 'clientError'. */
interface ParserError extends Error {
  code?: string;
  reason?: string;
  bytesParsed?: number;
  rawPacket?: Buffer;
}

/** The response node:http is writing on a connection, if any (`socket._httpMessage`). */
interface InFlight {
  headersSent?: boolean;
  writableFinished?: boolean;
  req?: { complete?: boolean };
  once(event: 'finish' | 'close', listener: () => void): unknown;
}

// Errors that mean the peer is gone: nothing to answer.
const GONE = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ERR_STREAM_DESTROYED']);
// RFC 9110 §5.6.2: tchar.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const VERSION = /\sHTTP\/(\d)\.\d$/;

/**
 * Builds the 'clientError' listener: 400 for malformed requests, 408 for a headers timeout, 431 or
 * 414 for an oversized head, 413 for oversized chunk extensions, 501 for a method node does not
 * know, 505 for another HTTP major version (HTTP/2 without --http2 too); each closes the
 * connection and leaves every other connection alone.
 *
 * @example
 * server.on('clientError', createClientErrorHandler({ log, serverHeader: 'tsgi', timeoutHeaders: 20, limitRequestLine: 8190 }));
 */
export function createClientErrorHandler(options: { log: LogFn; serverHeader: string | null; timeoutHeaders: number; limitRequestLine: number }) {
  // node reports the same broken parser again on every later packet: the first report decides.
  const answering = new WeakSet<Socket>();
  return (error: ParserError, socket: Socket): void => {
    if (answering.has(socket)) return;
    answering.add(socket);
    if (GONE.has(error.code ?? '')) {
      socket.destroy();
      return;
    }
    afterEarlierResponses(socket, () => answer(error, socket, options));
  };
}

/**
 * RFC 9112 §9.3.2: responses go out in the order of the requests. A request parsed in full before the
 * bad bytes still gets its answer; only then is the refusal written (or the connection closed).
 */
function afterEarlierResponses(socket: Socket, then: () => void): void {
  const current = (socket as Socket & { _httpMessage?: InFlight | null })._httpMessage;
  if (!current || current.writableFinished || current.req?.complete !== true) {
    then();
    return;
  }
  let called = false;
  const next = (): void => {
    if (called) return;
    called = true;
    // node's own 'finish' listener has by now handed the socket to the next response, if any.
    if (socket.destroyed) return;
    afterEarlierResponses(socket, then);
  };
  current.once('finish', next);
  current.once('close', next);
}

function answer(error: ParserError, socket: Socket, options: { log: LogFn; serverHeader: string | null; timeoutHeaders: number; limitRequestLine: number }): void {
  if (!socket.writable) {
    // Ended: a close is already under way (Connection: close, a refusal) and lets its answer out.
    if (!socket.writableEnded) socket.destroy();
    return;
  }
  // RFC 9112 §9.6: bytes after a request with Connection: close are no request; close as node does.
  if (error.code === 'HPE_CLOSED_CONNECTION') {
    socket.destroySoon();
    return;
  }
  const [status, message] = classify(error, options);
  options.log('info', `${message} from ${socket.remoteAddress ?? 'unknown'}`);
  // A response already under way on this connection cannot be followed by another.
  const current = (socket as Socket & { _httpMessage?: InFlight | null })._httpMessage;
  if (current?.headersSent) {
    socket.destroy();
    return;
  }
  const body = new TextEncoder().encode(`${message}\n`);
  writeRawResponse(socket, status, [['content-type', 'text/plain; charset=utf-8']], body, options.serverHeader);
}

function classify(error: ParserError, options: { timeoutHeaders: number; limitRequestLine: number }): [number, string] {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, PROTOCOL_MESSAGES.headersTimeout(options.timeoutHeaders)];
    case 'HPE_HEADER_OVERFLOW':
      return inRequestLine(error)
        ? [414, PROTOCOL_MESSAGES.requestLineTooLong(options.limitRequestLine)]
        : [431, PROTOCOL_MESSAGES.headersTooLarge];
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return [413, PROTOCOL_MESSAGES.chunkExtensionsTooLarge];
    case 'HPE_PAUSED_H2_UPGRADE':
      // RFC 9113 §3.3: the h2c preface ("PRI * HTTP/2.0") on a port serving only HTTP/1.1.
      return [505, PROTOCOL_MESSAGES.http2Off];
    case 'HPE_INVALID_METHOD': {
      // RFC 9110 §9.1: a well-formed method the server does not know is 501, not a malformed request.
      const method = /^(\S+) /.exec(failingLine(error))?.[1];
      if (method !== undefined && TOKEN.test(method)) return [501, PROTOCOL_MESSAGES.methodNotImplemented(method)];
      break;
    }
    case 'HPE_INVALID_VERSION': {
      // RFC 9110 §15.6.6: another major version is 505; a malformed one stays 400.
      const version = VERSION.exec(failingLine(error));
      if (version && version[1] !== '1') return [505, PROTOCOL_MESSAGES.versionUnsupported(`${version[1]}.0`)];
      break;
    }
    default:
      break;
  }
  return [400, PROTOCOL_MESSAGES.malformed(error.code ?? 'unknown', error.reason ?? error.message)];
}

/** The line of the failing packet the parser stopped in, up to its end (or the packet's). */
function failingLine(error: ParserError): string {
  const packet = error.rawPacket;
  if (!packet) return '';
  const at = Math.min(error.bytesParsed ?? 0, packet.length);
  const start = at === 0 ? 0 : packet.lastIndexOf(0x0a, at - 1) + 1;
  let end = packet.indexOf(0x0a, at);
  if (end === -1) end = packet.length;
  return packet.subarray(start, end).toString('latin1').replace(/\r$/, '');
}

/**
 * node counts the request line and the headers against one budget; the head overflowed inside
 * the request line when the parsed part of the failing packet holds no line break yet.
 */
function inRequestLine(error: ParserError): boolean {
  const packet = error.rawPacket;
  if (!packet) return false;
  const parsed = packet.subarray(0, Math.min(error.bytesParsed ?? packet.length, packet.length));
  return !parsed.includes(0x0a);
}
