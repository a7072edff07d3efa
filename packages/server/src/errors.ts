// Every error @tsgi/server throws. Guards check `.name`, not `instanceof` (STYLE.md: Errors).

/**
 * A bad command line, environment variable or env file value; the CLI prints `message` and exits 2.
 *
 * @example
 * new ConfigError(CONFIG_MESSAGES.notInteger('--port', 'abc')).option; // '--port'
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** The option at fault, as typed on the command line (`--port`), when there is one. */
  readonly option: string | undefined;
  /** The process exit code the CLI uses for it. */
  readonly exitCode = 2;

  constructor(message: string, options?: { cause?: unknown; option?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.option = options?.option ?? /^(--[a-z0-9-]+)/.exec(message)?.[1];
  }
}

/** True for a {@link ConfigError}, from any copy of this package. */
export function isConfigError(error: unknown): error is ConfigError {
  return isNamed(error, 'ConfigError');
}

/**
 * The app module could not be loaded, or exports no app under the name asked for.
 *
 * @example
 * new AppLoadError("app.ts exports no 'api' (found: default, app)").module; // 'app.ts'
 */
export class AppLoadError extends Error {
  override readonly name = 'AppLoadError';
  readonly module: string;
  /** The CLI's exit code for it. */
  readonly exitCode = 2;

  constructor(message: string, options: { cause?: unknown; module: string }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.module = options.module;
  }
}

/** True for an {@link AppLoadError}, from any copy of this package. */
export function isAppLoadError(error: unknown): error is AppLoadError {
  return isNamed(error, 'AppLoadError');
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}
