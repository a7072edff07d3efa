// The reference host's HTTP side for async apps: createScope + runHttp over an in-memory transport
// that records what a client would receive, and can leave mid-response.
import { type AsyncApp, type HeaderList, type HttpTransport, type State, createScope, isRequestError, runHttp } from '@tsgi/async';
import { concat } from '../_internal/bytes.js';
import { deferred } from '../_internal/deferred.js';
import type { ConformanceRequest, ConformanceResponse } from '../driver.js';
import { bodyPieces, lowerNames, requestHeaders } from './request-body.js';

/** What the reference host advertises (async §6): everything an in-memory client can observe. */
const EXTENSIONS = { 'http.response.trailers': {} };

/** Sends one request through runHttp and resolves with what the client received. */
export async function requestAsync(app: AsyncApp, state: State, req: ConformanceRequest): Promise<ConformanceResponse> {
  let scope;
  try {
    scope = createScope({
      method: req.method,
      target: req.target,
      headers: requestHeaders(req),
      client: ['127.0.0.1', 50000],
      server: ['127.0.0.1', 80],
      state,
      extensions: EXTENSIONS,
    });
  } catch (error) {
    if (!isRequestError(error)) throw error;
    const refusal = error.toResponse();
    return { status: refusal.statusCode, headers: refusal.headers, body: refusal.body };
  }

  const pieces = bodyPieces(req.body);
  const clientGone = deferred();
  const done = deferred<ConformanceResponse>();
  const chunks: Uint8Array[] = [];
  let head: { status: number; headers: HeaderList } | undefined;
  let trailers: HeaderList | undefined;
  let received = 0;

  const finish = (incomplete: boolean): void => {
    if (head === undefined) return done.reject(new Error('reference host: the connection ended before a response began'));
    const res: ConformanceResponse = { ...head, body: concat(chunks) };
    if (trailers !== undefined) res.trailers = trailers;
    if (incomplete) res.incomplete = true;
    done.resolve(res);
  };

  const transport: HttpTransport = {
    read: async () => {
      const next = await pieces.next();
      return next.done === true ? null : next.value;
    },
    closed: clientGone.promise,
    start: (status, headers) => {
      head = { status, headers: lowerNames(headers) };
    },
    write: (chunk) => {
      if (clientGone.settled) return Promise.reject(new Error('reference client: disconnected'));
      chunks.push(chunk.slice());
      received += chunk.length;
      if (req.disconnectAfter !== undefined && received >= req.disconnectAfter) {
        clientGone.resolve();
        finish(true);
      }
      return Promise.resolve();
    },
    end: (fields) => {
      if (fields !== undefined) trailers = lowerNames(fields);
      finish(false);
      return Promise.resolve();
    },
    abort: () => finish(true),
  };
  runHttp(app, scope, transport).then(
    () => finish(true),
    (error: unknown) => done.reject(error),
  );
  return done.promise;
}
