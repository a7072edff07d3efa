// The harness's errors. Each sets `name` (checks compare names, not classes) and carries its data as
// fields.

/** A command-line option the harness does not know; the CLI prints it with the usage text. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A statistic asked of no samples, which always means a suite lost its results. */
export class EmptySampleError extends Error {
  override name = 'EmptySampleError';
  constructor(what: string) {
    super(`${what} of an empty sample`);
  }
}

/** A server under test that exited, or never answered, while starting. */
export class ServerStartError extends Error {
  override name = 'ServerStartError';
  /** The server's last lines of output. */
  readonly output: string;
  constructor(message: string, output: string, options?: { cause?: unknown }) {
    // The server's first line of output usually says why (a bad option, a missing export).
    const first = output.split('\n').find((line) => line.trim() !== '');
    super(first ? `${message}: ${first.trim()}` : message, options);
    this.output = output;
  }
}

/** wrk output without the BENCH_RESULT line lua/wrk.lua prints. */
export class WrkOutputError extends Error {
  override name = 'WrkOutputError';
  readonly output: string;
  constructor(output: string) {
    super(`wrk printed no BENCH_RESULT line (is lua/wrk.lua loaded?):\n${output.slice(-2000)}`);
    this.output = output;
  }
}
