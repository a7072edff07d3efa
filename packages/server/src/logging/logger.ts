// Server and app log lines: text or JSON lines, filtered by level, to stderr by default.
import type { LogFn } from '@tsgi/async';
import type { LogLevel } from '../config/server-config.js';

/** Where finished log lines go (one line each, newline included). */
export type LogSink = (line: string) => void;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * A LogFn that drops lines below `level` and formats the rest: text or JSON with the error's stack.
 *
 * @example
 * const log = createLogger('info', 'text', (line) => process.stderr.write(line));
 * log('error', 'async §3.6: the app raised before starting the response', error);
 * // tsgi [error] async §3.6: the app raised before starting the response
 * //   Error: boom
 * //       at app (app.ts:3:9)
 */
export function createLogger(level: LogLevel, format: 'text' | 'json', sink: LogSink): LogFn {
  const threshold = RANK[level];
  return (lineLevel, message, error) => {
    if (RANK[lineLevel] < threshold) return;
    if (format === 'json') {
      const record: Record<string, unknown> = { time: new Date().toISOString(), level: lineLevel, message };
      if (error !== undefined) record.error = describeError(error);
      sink(`${JSON.stringify(record)}\n`);
      return;
    }
    const detail = error === undefined ? '' : `\n  ${stackOf(error).replaceAll('\n', '\n  ')}`;
    sink(`tsgi [${lineLevel}] ${message}${detail}\n`);
  };
}

function stackOf(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { message: String(error) };
}
