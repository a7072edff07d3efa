// Every error @tsgi/fetch throws. Guards check `.name`, not instanceof (STYLE.md: Errors).

/**
 * A mistake in how the adapter was set up, thrown when the handler is built, never per request.
 *
 * @example
 * try { toFetchHandler(app, { bodyLimit: -1 }); } catch (e) { if (isFetchOptionsError(e)) console.log(e.option); }
 */
export class FetchOptionsError extends TypeError {
  override readonly name = 'FetchOptionsError';
  /** The option at fault, e.g. 'bodyLimit' ('app' for the app itself). */
  readonly option: string;

  constructor(message: string, options: { option: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.option = options.option;
  }
}

/** True for a {@link FetchOptionsError}, from any copy of this package. */
export function isFetchOptionsError(error: unknown): error is FetchOptionsError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'FetchOptionsError';
}
