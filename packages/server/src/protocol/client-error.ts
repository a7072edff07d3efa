// node's 'clientError': what the parser refused, answered with the right status and Connection: close.
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

// Errors that mean the peer is gone: nothing to answer.
const GONE = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'HPE_CLOSED_CONNECTION', 'ERR_STREAM_DESTROYED']);

/**
 * Builds the 'clientError' listener: 400 for malformed requests, 408 for a headers timeout, 431 or
 * 414 for an oversized head, 413 for oversized chunk extensions; each closes the connection and
 * leaves every other connection alone.
 *
 * @example
 * server.on('clientError', createClientErrorHandler({ log, serverHeader: 'tsgi', timeoutHeaders: 20, limitRequestLine: 8190 }));
 */
export function createClientErrorHandler(options: { log: LogFn; serverHeader: string | null; timeoutHeaders: number; limitRequestLine: number }) {
  return (error: ParserError, socket: Socket): void => {
    const code = error.code ?? '';
    if (GONE.has(code) || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, message] = classify(error, options);
    options.log('info', `${message} from ${socket.remoteAddress ?? 'unknown'}`);
    // A response already under way on this connection cannot be followed by another.
    const current = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (current?.headersSent) {
      socket.destroy();
      return;
    }
    const body = new TextEncoder().encode(`${message}\n`);
    writeRawResponse(socket, status, [['content-type', 'text/plain; charset=utf-8']], body, options.serverHeader);
  };
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
    default:
      return [400, PROTOCOL_MESSAGES.malformed(error.code ?? 'unknown', error.reason ?? error.message)];
  }
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
