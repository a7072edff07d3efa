// A sync app reaching this async host is wrapped once (STYLE.md: one interface inside).
import { syncToAsync, type AsyncApp, type LogFn } from '@tsgi/async';
import { createErrorStream, type SyncApp } from '@tsgi/sync';
import { nodeFileWrapper } from './file-wrapper.js';
import type { NodeHandlerOptions } from './options.js';
import { createTempFileSpool } from './temp-file-spool.js';

const MIB = 1024 * 1024;

/**
 * Wraps a sync app with syncToAsync: the body is buffered before the call (spooled to a temp file
 * past `spoolThreshold`), `tsgi.errors` goes to the log line by line, `tsgi.file_wrapper` reads files.
 */
export function toAsyncApp(app: SyncApp, options: NodeHandlerOptions, log: LogFn): AsyncApp {
  // The sync app runs on the event loop: one request at a time, one process.
  const errors = createLineErrorStream(log);
  return syncToAsync(app, {
    bodyLimit: options.bodyLimit ? options.bodyLimit : Number.MAX_SAFE_INTEGER,
    spoolThreshold: options.spoolThreshold ?? MIB,
    spool: createTempFileSpool(),
    environ: () => ({ errors, fileWrapper: nodeFileWrapper, multithread: false, multiprocess: false, runOnce: false }),
  });
}

function createLineErrorStream(log: LogFn) {
  let pending = '';
  const emit = (text: string): void => {
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) log('warn', line);
  };
  return createErrorStream(emit, () => {
    if (pending !== '') log('warn', pending);
    pending = '';
  });
}
