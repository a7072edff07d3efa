// The shared memory of one request between the event loop and the thread running it. The thread
// blocks on it with Atomics.wait (a sync app's read() must block); the event loop never blocks and
// only stores, adds and notifies.
//
// Layout: Int32 slots [body state, body length, response bytes in flight, cancelled], then, when the
// request has a body, a 64 KiB mailbox for body bytes.

/** Int32 slot indexes. */
export const SLOT = { bodyState: 0, bodyLength: 1, inFlight: 2, cancelled: 3 } as const;

/**
 * The body mailbox's states. The thread moves idle → want (and asks by message); the event loop
 * answers with full (bytes in the mailbox), end, or abort (client gone); the thread moves full →
 * idle once it has taken every byte.
 */
export const BODY = { idle: 0, want: 1, full: 2, end: 3, abort: 4 } as const;

/** Bytes before the mailbox. */
export const HEADER_BYTES = 16;

/** Mailbox size: the most body bytes handed over at once. */
export const MAILBOX_BYTES = 64 * 1024;

/** Response bytes a thread may have posted but the socket not yet taken, before it waits. */
export const RESPONSE_WINDOW = 256 * 1024;

/**
 * Allocates one request's shared memory; the mailbox only when there can be a body.
 *
 * @example
 * const buffer = createChannel(true);
 * new Int32Array(buffer, 0, 4)[SLOT.bodyState]; // BODY.idle
 */
export function createChannel(withBody: boolean): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + (withBody ? MAILBOX_BYTES : 0));
}

/** The Int32 view of the slots. */
export function slots(buffer: SharedArrayBuffer): Int32Array {
  return new Int32Array(buffer, 0, HEADER_BYTES / 4);
}

/** The mailbox, or null when the request has no body. */
export function mailbox(buffer: SharedArrayBuffer): Uint8Array | null {
  return buffer.byteLength > HEADER_BYTES ? new Uint8Array(buffer, HEADER_BYTES) : null;
}
