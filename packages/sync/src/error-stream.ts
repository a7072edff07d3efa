// tsgi.errors (docs/spec/sync.md §4.3): a text stream for diagnostics.
import { SyncSpecError } from './errors.js';
import { ERRORS_NOT_STRING } from './messages.js';
import type { ErrorStream } from './types.js';

// Every runtime has a console; our lib settings (ES2023, no DOM) do not declare it.
const runtimeConsole = (globalThis as unknown as { console: { error(...data: unknown[]): void } }).console;

/**
 * Builds `tsgi.errors` over a text sink. `flush` is called by the stream's `flush()`, when given.
 *
 * @example
 * const errors = createErrorStream((text) => process.stderr.write(text));
 * errors.write('something odd\n');
 */
export function createErrorStream(write: (text: string) => void, flush?: () => void): ErrorStream {
  const checked = (text: unknown): string => {
    if (typeof text !== 'string') throw new SyncSpecError(`${ERRORS_NOT_STRING}: got ${typeof text}`);
    return text;
  };
  return {
    write: (text) => write(checked(text)),
    writelines: (lines) => {
      for (const line of lines) write(checked(line));
    },
    flush: () => flush?.(),
  };
}

/**
 * A line-buffered `tsgi.errors` over `console.error`: the default when a host gives none. Each complete
 * line becomes one console call; `flush()` emits a partial line.
 */
export function createConsoleErrorStream(): ErrorStream {
  let pending = '';
  const emit = (text: string): void => {
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) runtimeConsole.error(line);
  };
  return createErrorStream(emit, () => {
    if (pending !== '') runtimeConsole.error(pending);
    pending = '';
  });
}
