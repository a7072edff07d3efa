// Answers a request the host refuses (413, 408, 503 ...) and closes the connection without losing
// the answer: the unread rest of the request is drained for a moment instead of reset.
import type { HeaderList } from '@tsgi/async';
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { constants, type Http2ServerResponse } from 'node:http2';
import type { Socket } from 'node:net';

/** An answer the host sends on its own. */
export interface Refusal {
  toResponse(): { status: number; headers: HeaderList; body: Uint8Array };
}

/** How long a refused connection drains what the client still sends before it is reset. */
const LINGER_MS = 2000;
/** The same for one HTTP/2 stream: longer, as draining it holds up no other request. */
const STREAM_LINGER_MS = 10_000;

/**
 * Sends a refusal through a node response; on HTTP/1.x the connection then closes (lingering).
 * Returns the body bytes sent (none for HEAD), for the access log.
 *
 * @example
 * writeRefusal(res, new HttpError(NODE_MESSAGES.bodyTooLarge(1024), { status: 413 }), { serverHeader: 'tsgi' });
 */
export function writeRefusal(
  res: ServerResponse | Http2ServerResponse,
  refusal: Refusal,
  options: { serverHeader?: string | null; headers?: HeaderList } = {},
): number {
  const { status, headers, body } = refusal.toResponse();
  // By the stream, not req.httpVersion: an HTTP/1.1 connection can claim "HTTP/2.0" (answered 505).
  const http2 = 'stream' in res;
  const flat = [...headers, ...(options.headers ?? [])].flat();
  if (options.serverHeader) flat.push('server', options.serverHeader);
  if (http2) {
    lingerOnStream(res);
  } else {
    flat.push('connection', 'close');
    lingerOnClose(res.socket);
  }
  (res as ServerResponse).writeHead(status, flat);
  const sent = res.req.method === 'HEAD' ? undefined : body;
  (res as ServerResponse).end(sent);
  return sent?.byteLength ?? 0;
}

/**
 * Writes a whole HTTP/1.1 response straight onto a socket (WebSocket denials, parse errors) and
 * closes it after a short drain.
 *
 * @example
 * writeRawResponse(socket, 400, [['content-type', 'text/plain']], body);
 */
export function writeRawResponse(socket: Socket, status: number, headers: HeaderList, body: Uint8Array, serverHeader: string | null = null): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Unknown'}`];
  const names = new Set(headers.map(([name]) => name.toLowerCase()));
  for (const [name, value] of headers) if (name.toLowerCase() !== 'connection') lines.push(`${name}: ${value}`);
  if (!names.has('date')) lines.push(`Date: ${new Date().toUTCString()}`);
  if (!names.has('server') && serverHeader !== null) lines.push(`Server: ${serverHeader}`);
  if (!names.has('content-length')) lines.push(`Content-Length: ${body.byteLength}`);
  lines.push('Connection: close', '', '');
  socket.write(Buffer.from(lines.join('\r\n'), 'latin1'));
  if (body.byteLength > 0) socket.write(body);
  linger(socket);
}

/** Makes node's close-after-response drain the socket briefly instead of resetting it. */
function lingerOnClose(socket: Socket | null): void {
  if (!socket) return;
  // node:http closes with socket.destroySoon() once a `Connection: close` response is written.
  (socket as Socket & { destroySoon: () => void }).destroySoon = () => linger(socket);
}

/**
 * RFC 9113 §8.1: a client still sending the refused body may be blocked on flow control and never
 * read the answer; what it sends is read and dropped for a moment, then the stream is reset with
 * NO_ERROR. (A reset alone leaves clients such as httpx waiting for window they never get.)
 */
function lingerOnStream(res: Http2ServerResponse): void {
  const { req, stream } = res;
  if (req.complete || stream.closed) return;
  const drop = (): void => {
    while (req.read() !== null);
  };
  req.on('readable', drop);
  drop();
  const timer = setTimeout(() => {
    if (!stream.closed) stream.close(constants.NGHTTP2_NO_ERROR);
  }, STREAM_LINGER_MS);
  timer.unref();
  stream.once('close', () => clearTimeout(timer));
}

/** RFC 9112 §9.6: close in stages, so unread input does not reset the response in flight. */
function linger(socket: Socket): void {
  socket.end();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  socket.on('error', () => socket.destroy());
  socket.resume();
}
