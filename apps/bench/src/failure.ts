// How a contender's failure is worded: one line in the report, everything in the progress log.

/**
 * The first line of an error's message, for a report cell.
 *
 * @example
 * failureLine(new Error('server exited (1)\nstack…')); // 'server exited (1)'
 */
export function failureLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

/** The whole story for the log: message, and the server's output when there is some. */
export function failureDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const output = (error as { output?: unknown }).output;
  return typeof output === 'string' && output ? `${error.message}\n${output}` : error.message;
}
