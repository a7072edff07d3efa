// Every error @tsgi/express throws. Guards check `.name`, not `instanceof` (STYLE.md: Errors).
import { HttpError } from '@tsgi/node';

/** Why the mount could not serve a request. */
export type MountErrorCode = 'body-consumed' | 'body-decoded' | 'closed';

/**
 * A request the Express mount refuses before the app sees it: a body another middleware already
 * read (500), or an app that was shut down (503). Knows its response (`toResponse()`, from
 * @tsgi/node's HttpError); `expose` tells Express's error handler the message is safe to show.
 *
 * @example
 * new MountError(EXPRESS_MESSAGES.closed, { status: 503, code: 'closed' }).toResponse().status; // 503
 */
export class MountError extends HttpError {
  override readonly name = 'MountError';
  readonly code: MountErrorCode;
  readonly expose = true;

  constructor(message: string, options: { status: number; code: MountErrorCode; cause?: unknown }) {
    super(message, options);
    this.code = options.code;
  }
}

/** True for a {@link MountError}, from any copy of this package. */
export function isMountError(error: unknown): error is MountError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'MountError';
}
