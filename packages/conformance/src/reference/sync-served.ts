// The reference host for sync apps: createEnviron + startApp in memory, pulling the body lazily so
// a client that leaves early closes the body, as a real server would (docs/spec/sync.md §6).
import { type SyncResponse, createEnviron, createErrorStream, isRequestError, startApp } from '@tsgi/sync';
import type { Environ, SyncApp } from '@tsgi/sync';
import { concat, utf8 } from '../_internal/bytes.js';
import type { ConformanceRequest, ConformanceResponse, Served } from '../driver.js';
import { collectBody, lowerNames, requestHeaders } from './request-body.js';

const ERROR_BODY = utf8('Internal Server Error');
const serverError = (): ConformanceResponse => ({
  status: 500,
  headers: [['content-type', 'text/plain; charset=utf-8'], ['content-length', String(ERROR_BODY.length)]],
  body: ERROR_BODY,
});

// RFC 9110 §9.3.2, §15.4.5 and §15.3.5: HEAD, 1xx, 204 and 304 responses carry no body.
const hasBody = (method: string, status: number): boolean => method !== 'HEAD' && status >= 200 && status !== 204 && status !== 304;

/** Logs like a server's error log; the suite silences it where the app fails on purpose. */
const logError = (message: string, error?: unknown): void => console.error(`[reference] ${message}`, error);

async function toEnviron(req: ConformanceRequest): Promise<Environ> {
  const { bytes, chunked } = await collectBody(req.body);
  return createEnviron({
    method: req.method,
    target: req.target,
    headers: requestHeaders(req),
    body: bytes,
    bodyTerminated: chunked,
    remoteAddr: '127.0.0.1',
    remotePort: 50000,
    errors: createErrorStream((text) => logError(text.trimEnd())),
  });
}

async function handle(app: SyncApp, req: ConformanceRequest): Promise<ConformanceResponse> {
  let environ: Environ;
  try {
    environ = await toEnviron(req);
  } catch (error) {
    if (!isRequestError(error)) throw error;
    const refusal = error.toResponse();
    return { status: refusal.statusCode, headers: refusal.headers, body: refusal.body };
  }
  let response: SyncResponse;
  try {
    response = startApp(app, environ);
  } catch (error) {
    logError('the app raised before the response started', error);
    return serverError();
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  let incomplete = false;
  try {
    if (hasBody(req.method, response.statusCode)) {
      for (let next = response.chunks.next(); next.done !== true; next = response.chunks.next()) {
        chunks.push(next.value.slice());
        received += next.value.length;
        if (req.disconnectAfter !== undefined && received >= req.disconnectAfter) {
          incomplete = true; // the client leaves; close() below runs the iterator's return()
          break;
        }
      }
    }
  } catch (error) {
    // Headers are out: all a server can do is cut the response short (docs/spec/sync.md §6).
    logError('the app raised after the response started', error);
    incomplete = true;
  } finally {
    response.close();
  }
  const result: ConformanceResponse = { status: response.statusCode, headers: lowerNames(response.headers), body: concat(chunks) };
  if (incomplete) result.incomplete = true;
  return result;
}

/** Serves a sync app in memory. */
export function serveSync(app: SyncApp): Served {
  return {
    request: (req) => handle(app, req),
    stop: () => Promise.resolve(),
  };
}
