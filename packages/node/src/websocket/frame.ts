// A server's data frames, written straight to the socket (RFC 6455 §5.2). Without permessage-deflate
// `ws`'s Sender writes synchronously too, so frames written here and by `ws` (ping, pong, close) stay
// in order; this skips its per-message option objects, the frame array and the two-chunk writev.
import type { Duplex } from 'node:stream';

// RFC 6455 §5.2: FIN set, opcode 0x1 (text) or 0x2 (binary), no RSV bits: no extension is in use.
const TEXT = 0x81;
const BINARY = 0x82;
// Binary payloads up to this size are copied behind their header into one buffer (one write); larger
// ones go out as they are, after the header, in one corked writev.
const COPY_LIMIT = 16 * 1024;

/**
 * Writes one unfragmented, unmasked message frame (a server never masks, RFC 6455 §5.1): a string
 * as a text frame (UTF-8), a Uint8Array as a binary frame.
 *
 * @example
 * writeMessage(socket, 'hello'); // 0x81 0x05 'hello'
 */
export function writeMessage(socket: Duplex, data: string | Uint8Array): void {
  if (typeof data === 'string') {
    const length = Buffer.byteLength(data, 'utf8');
    const offset = headerSize(length);
    const frame = Buffer.allocUnsafe(offset + length);
    writeHeader(frame, TEXT, length);
    frame.write(data, offset, length, 'utf8');
    socket.write(frame);
    return;
  }
  const length = data.byteLength;
  const offset = headerSize(length);
  if (length <= COPY_LIMIT) {
    const frame = Buffer.allocUnsafe(offset + length);
    writeHeader(frame, BINARY, length);
    frame.set(data, offset);
    socket.write(frame);
    return;
  }
  const header = Buffer.allocUnsafe(offset);
  writeHeader(header, BINARY, length);
  socket.cork();
  socket.write(header);
  socket.write(data);
  socket.uncork();
}

/** RFC 6455 §5.2: 7-bit lengths up to 125, then 126 + 16 bits, then 127 + 64 bits. */
function headerSize(length: number): number {
  return length < 126 ? 2 : length <= 0xffff ? 4 : 10;
}

function writeHeader(target: Buffer, first: number, length: number): void {
  target[0] = first;
  if (length < 126) {
    target[1] = length;
  } else if (length <= 0xffff) {
    target[1] = 126;
    target.writeUInt16BE(length, 2);
  } else {
    target[1] = 127;
    target.writeUInt32BE(Math.floor(length / 0x1_0000_0000), 2);
    target.writeUInt32BE(length >>> 0, 6);
  }
}
