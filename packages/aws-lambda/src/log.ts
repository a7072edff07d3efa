// Logging with the invocation's request id on every line, so a CloudWatch search for one request
// finds tsgi's messages about it too.
import type { LogFn, LogLevel } from '@tsgi/async';
import { console } from './internal/runtime.js';

/** What a log line is about: the Lambda request id, and the error when there is one. */
export interface LogDetails {
  requestId: string | undefined;
  error?: unknown;
}

/**
 * Receives @tsgi/aws-lambda's messages. The default writes warnings and errors to the console.
 *
 * @example
 * handler(app, { log: (level, message, { requestId }) => logger[level]({ requestId }, message) });
 */
export type LambdaLogFn = (level: LogLevel, message: string, details: LogDetails) => void;

/** The default log: `[tsgi aws-lambda] requestId=<id> message`, warnings and errors only. */
export const consoleLog: LambdaLogFn = (level, message, { requestId, error }) => {
  if (level !== 'warn' && level !== 'error') return;
  const line = `[tsgi aws-lambda] ${requestId === undefined ? '' : `requestId=${requestId} `}${message}`;
  const args = error === undefined ? [line] : [line, error];
  if (level === 'error') console.error(...args);
  else console.warn(...args);
};

/** Binds a request id, giving the `(level, message, error)` shape runHttp and lifespan take. */
export function bindLog(log: LambdaLogFn, requestId: string | undefined): LogFn {
  return (level, message, error) => log(level, message, error === undefined ? { requestId } : { requestId, error });
}
