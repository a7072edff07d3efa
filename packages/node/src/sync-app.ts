// A sync app reaching this async host is wrapped once (STYLE.md: one interface inside).
import { syncToAsync, type AsyncApp, type HTTPScope, type LogFn } from '@tsgi/async';
import { createErrorStream, type EnvironRequest, type SyncApp } from '@tsgi/sync';
import { nodeFileWrapper } from './file-wrapper.js';
import type { NodeHandlerOptions } from './options.js';
import { sendFileBody } from './sync-file-body.js';
import { createTempFileSpool } from './temp-file-spool.js';

const MIB = 1024 * 1024;

// CGI's HTTPS variable (as Apache sets it): the request came over TLS to this server.
const OVER_TLS = Object.freeze({ HTTPS: 'on' });

/**
 * Wraps a sync app with syncToAsync: the body is buffered before the call (spooled to a temp file
 * past `spoolThreshold`), `tsgi.errors` goes to the log line by line, and a `tsgi.file_wrapper`
 * body is sent with non-blocking reads, like `http.response.pathsend`.
 */
export function toAsyncApp(app: SyncApp, options: NodeHandlerOptions, log: LogFn): AsyncApp {
  // The sync app runs on the event loop: one request at a time, one process.
  const errors = createLineErrorStream(log);
  // Built once, in one shape: every request shares the bridge and these fields, so none allocates its own.
  const fields = (extra: Record<string, string> | undefined): Partial<EnvironRequest> => ({
    errors,
    fileWrapper: nodeFileWrapper,
    multithread: false,
    multiprocess: false,
    runOnce: false,
    extra,
  });
  const plain = fields(undefined);
  // async §6.7: tls is advertised only for TLS on this very connection, never a proxy's.
  const overTls = fields(OVER_TLS);
  return syncToAsync(app, {
    bodyLimit: options.bodyLimit ? options.bodyLimit : Number.MAX_SAFE_INTEGER,
    spoolThreshold: options.spoolThreshold ?? MIB,
    spool: createTempFileSpool(),
    noBody: hasNoBody,
    sendFile: sendFileBody,
    environ: (scope) => (scope.extensions?.tls ? overTls : plain),
  });
}

/**
 * RFC 9112 §6.3: an HTTP/1.x request with neither Content-Length nor Transfer-Encoding has no body.
 * The scope's headers are node's, as received, so they say how the request was framed.
 */
function hasNoBody(scope: HTTPScope): boolean {
  if (scope.httpVersion !== '1.1' && scope.httpVersion !== '1.0') return false;
  for (const [name, value] of scope.headers) {
    if (name === 'transfer-encoding' || (name === 'content-length' && value !== '0')) return false;
  }
  return true;
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
