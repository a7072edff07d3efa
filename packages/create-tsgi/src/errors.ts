// The one error create-tsgi raises. Guards check `.name`, not instanceof (STYLE.md: Errors).

/** Why scaffolding stopped. */
export type ScaffoldErrorCode =
  | 'usage'
  | 'invalid-name'
  | 'unknown-target'
  | 'not-empty'
  | 'cancelled'
  | 'tarballs';

// Exit 2 for a mistake in what was asked, 1 for something in the way (the tsgi CLI's convention).
const EXIT_CODES: Record<ScaffoldErrorCode, 1 | 2> = {
  usage: 2,
  'invalid-name': 2,
  'unknown-target': 2,
  tarballs: 2,
  'not-empty': 1,
  cancelled: 1,
};

/**
 * A project that cannot be created as asked; nothing was written.
 *
 * @example
 * try { await scaffold({ directory: 'my-app', target: 'server' }); } catch (error) {
 *   if (isScaffoldError(error)) process.exitCode = error.exitCode;
 * }
 */
export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError';
  readonly code: ScaffoldErrorCode;
  /** What the CLI exits with: 2 for a usage mistake, 1 when something is in the way. */
  readonly exitCode: 1 | 2;

  constructor(message: string, options: { code: ScaffoldErrorCode; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.exitCode = EXIT_CODES[options.code];
  }
}

/** True when `error` is a {@link ScaffoldError} (from any copy of this package). */
export function isScaffoldError(error: unknown): error is ScaffoldError {
  return error instanceof Error && error.name === 'ScaffoldError';
}
