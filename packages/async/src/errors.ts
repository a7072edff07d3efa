// Every error @tsgi/async throws. Guards check `.name`, not `instanceof`, so copies of this package
// and separate realms still recognise them (STYLE.md: Errors).
import { utf8 } from './internal/runtime.js';
import type { HeaderList } from './types/common.js';

const SECTION = /^async §([\d.]+):/;

/**
 * A broken rule of docs/spec/async.md; `section` names it, and the message starts with it.
 *
 * @example
 * new AsyncSpecError("async §3.4: 'http.response.body' sent before 'http.response.start'").section; // '3.4'
 */
export class AsyncSpecError extends Error {
  override readonly name = 'AsyncSpecError';
  /** The spec section broken, e.g. '3.4'. */
  readonly section: string;

  constructor(message: string, options?: { cause?: unknown; section?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.section = options?.section ?? SECTION.exec(message)?.[1] ?? '';
  }
}

/** True for an {@link AsyncSpecError}, from any copy of this package. */
export function isAsyncSpecError(error: unknown): error is AsyncSpecError {
  return isNamed(error, 'AsyncSpecError');
}

/**
 * Thrown by `send()` once the client has gone away (async §2.4): the app stops producing output.
 *
 * @example
 * try { await send(event); } catch (error) { if (isClientDisconnected(error)) return; throw error; }
 */
export class ClientDisconnected extends Error {
  override readonly name = 'ClientDisconnected';
  /** The WebSocket close code, when the connection was a WebSocket. */
  readonly code: number | undefined;

  constructor(message = 'async §2.4: the client disconnected', options?: { cause?: unknown; code?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = options?.code;
  }
}

/** True for a {@link ClientDisconnected}, from any copy of this package. */
export function isClientDisconnected(error: unknown): error is ClientDisconnected {
  return isNamed(error, 'ClientDisconnected');
}

/**
 * Lifespan startup or shutdown failed (async §5.5); `reason` is the app's own message.
 *
 * @example
 * await lifespan.startup().catch((e) => { if (isLifespanError(e)) console.log(e.phase, e.reason); });
 */
export class LifespanError extends Error {
  override readonly name = 'LifespanError';
  readonly phase: 'startup' | 'shutdown';
  /** What the app said in `lifespan.*.failed`, or the message of what it raised. */
  readonly reason: string;

  constructor(phase: 'startup' | 'shutdown', reason: string, options?: { cause?: unknown }) {
    super(
      `async §5.5: lifespan ${phase} failed${reason ? `: ${reason}` : ''}`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.phase = phase;
    this.reason = reason;
  }
}

/** True for a {@link LifespanError}, from any copy of this package. */
export function isLifespanError(error: unknown): error is LifespanError {
  return isNamed(error, 'LifespanError');
}

/**
 * ApplicationCommunicator's timeout: the app produced nothing, or did not finish, in time. Named
 * 'TimeoutError', like the DOM's, so `error.name === 'TimeoutError'` checks cover it.
 *
 * @example
 * await communicator.receiveOutput(100).catch((e) => { if (e.name === 'TimeoutError') ... });
 */
export class CommunicatorTimeout extends Error {
  override readonly name = 'TimeoutError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
  }
}

/** A client-facing error as a response. `status` and `statusCode` are the same number. */
export interface ErrorResponse {
  status: number;
  /** Same as `status`; lets code written for @tsgi/sync's ErrorResponse read it too. */
  statusCode: number;
  headers: HeaderList;
  body: Uint8Array;
}

/**
 * A request the server refuses before the app sees it (e.g. an underscore header in 'refuse' mode).
 * Knows its response: `status` (400 or 413) and {@link RequestError.toResponse}. Like @tsgi/sync's
 * RequestError it has `statusCode`; unlike it, `status` is the number, not the status line.
 *
 * @example
 * catch (e) { if (isRequestError(e)) { const { status, headers, body } = e.toResponse(); ... } }
 */
export class RequestError extends Error {
  override readonly name = 'RequestError';
  readonly status: number;
  /** The spec section the request broke, e.g. '2.3'. */
  readonly section: string;

  constructor(message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = options?.status ?? 400;
    this.section = SECTION.exec(message)?.[1] ?? '';
  }

  /** The plain-text response a host sends. */
  toResponse(): ErrorResponse {
    const body = utf8(`${this.message}\n`);
    return {
      status: this.status,
      statusCode: this.status,
      headers: [
        ['content-type', 'text/plain; charset=utf-8'],
        ['content-length', String(body.byteLength)],
      ],
      body,
    };
  }
}

/** True for a {@link RequestError}, from any copy of this package. */
export function isRequestError(error: unknown): error is RequestError {
  return isNamed(error, 'RequestError');
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}
