// A log pipe that closes under the server (a log shipper restarting, `tsgi serve | head`) must not
// stop it: without a listener, the stream's EPIPE 'error' is an uncaught exception that takes every
// in-flight request down with it. gunicorn keeps serving in the same case. Later lines are dropped.
import type { Writable } from 'node:stream';

/**
 * Keeps the process serving when `stream` fails (EPIPE, EBADF); `onClosed` runs once, with the error.
 *
 * @example
 * surviveClosedOutput(process.stdout, (error) => process.stderr.write(`stdout closed: ${error.message}\n`));
 */
export function surviveClosedOutput(stream: Writable, onClosed: (error: NodeJS.ErrnoException) => void): void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (closed) return;
    closed = true;
    onClosed(error);
  });
}

/**
 * Guards this process's stdout (the access log) and stderr (the server log): a closed stdout is
 * reported on stderr, a closed stderr silently.
 *
 * @example
 * guardProcessOutput(); // at the top of the CLI and of each worker
 */
export function guardProcessOutput(): void {
  surviveClosedOutput(process.stdout, (error) => {
    process.stderr.write(`tsgi [warn] stdout closed (${error.code ?? error.message}): access log lines are dropped from now on\n`);
  });
  surviveClosedOutput(process.stderr, () => undefined);
}
