// Every error @tsgi/node throws. Guards check `.name`, not `instanceof` (STYLE.md: Errors).
import type { HeaderList } from '@tsgi/async';

/**
 * A request the host refuses with a status of its own (413, 408, 400 ...). Knows its response.
 *
 * @example
 * const error = new HttpError(NODE_MESSAGES.bodyTooLarge(1024), { status: 413 });
 * error.toResponse(); // { status: 413, headers: [['content-type', ...], ['content-length', ...]], body }
 */
export class HttpError extends Error {
  // string, not the literal: subclasses (@tsgi/express's MountError) name themselves.
  override readonly name: string = 'HttpError';
  readonly status: number;

  constructor(message: string, options: { status: number; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
  }

  /** The plain-text response a host sends for this error. */
  toResponse(): { status: number; headers: HeaderList; body: Uint8Array } {
    const body = new TextEncoder().encode(`${this.message}\n`);
    return {
      status: this.status,
      headers: [
        ['content-type', 'text/plain; charset=utf-8'],
        ['content-length', String(body.byteLength)],
      ],
      body,
    };
  }
}

/** True for an {@link HttpError}, from any copy of this package. */
export function isHttpError(error: unknown): error is HttpError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'HttpError';
}
