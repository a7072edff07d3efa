// The response for a request that failed before its head was sent.
import type { LogFn } from '@tsgi/async';
import { utf8 } from '../internal/runtime.js';
import type { ResponseSink } from '../sinks/types.js';


function statusOf(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  // A RequestError (400, 413, ...) knows its status; anything else is the server's fault.
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : 500;
}

/** Answers `error` with its status (500 unless it carries one) and a short text body, after logging it. */
export async function sendError(sink: ResponseSink, error: unknown, log: LogFn): Promise<void> {
  const status = statusOf(error);
  log(status >= 500 ? 'error' : 'warn', status >= 500 ? 'the app failed before its response started' : String((error as Error).message), error);
  if (sink.started) {
    sink.abort(error);
    return;
  }
  const body = utf8(status >= 500 ? 'Internal Server Error' : String((error as Error).message));
  await sink.start(status, [
    ['content-type', 'text/plain; charset=utf-8'],
    ['content-length', String(body.byteLength)],
  ]);
  await sink.write(body);
  await sink.end();
}
