// syncToAsync: one sync app, served by an async host (async §7). Wrapped once, at the edge.
import { createEnviron, isRequestError, startApp, type EnvironRequest, type FileWrapper, type SyncApp, type SyncResponse } from '@tsgi/sync';
import { RequestError } from '../errors.js';
import { EMPTY } from '../internal/checks.js';
import { BRIDGE_MESSAGES } from '../messages.js';
import type { AsyncApp, Send } from '../types/app.js';
import type { HeaderList } from '../types/common.js';
import type { HTTPResponseStartEvent, HTTPScope } from '../types/http.js';
import { readBody } from './read-body.js';
import { memorySpool, type SpoolFactory } from './spool.js';

/** How syncToAsync buffers bodies and builds environs. */
export interface SyncToAsyncOptions {
  /** The largest request body accepted; past it the answer is 413. @default 16 MiB */
  bodyLimit?: number;
  /** Bodies larger than this go through `spool` instead of staying in memory. @default 1 MiB */
  spoolThreshold?: number;
  /** Where big bodies go. @default memorySpool */
  spool?: SpoolFactory;
  /** More environ fields a host knows (errors, fileWrapper, multithread, extra keys...). */
  environ?: (scope: HTTPScope) => Partial<EnvironRequest>;
  /**
   * True when the host knows from the wire that the request has no body (RFC 9112 §6.3: HTTP/1.x
   * without Content-Length or Transfer-Encoding); the body is then not read. Only a host can tell:
   * a Lambda event or a constructed Request may carry a body without either header.
   * @default never
   */
  noBody?: (scope: HTTPScope) => boolean;
  /**
   * Sends a `tsgi.file_wrapper` body itself (docs/spec/sync.md §6.4: a server MAY send one directly,
   * e.g. with non-blocking reads), given the response's start event; it sends that event and every
   * event after it. Only a wrapper returned with nothing written through write() comes here; the
   * body's close() runs once it settles. @default the wrapper is iterated like any body
   */
  sendFile?: (file: FileWrapper, start: HTTPResponseStartEvent, scope: HTTPScope, send: Send) => Promise<void>;
}

const MiB = 1024 * 1024;

/**
 * Serves a sync app from an async host: the body is read first (413 past `bodyLimit`), the
 * environ built with @tsgi/sync's createEnviron, and the response pulled chunk by chunk, each
 * `send` awaited (backpressure); `close()` runs whatever happens, also when the client leaves.
 *
 * @example
 * await runHttp(syncToAsync(wsgiStyleApp, { bodyLimit: 1024 * 1024 }), scope, transport);
 */
export function syncToAsync(app: SyncApp, options: SyncToAsyncOptions = {}): AsyncApp {
  const limits = {
    bodyLimit: options.bodyLimit ?? 16 * MiB,
    spoolThreshold: options.spoolThreshold ?? MiB,
    spool: options.spool ?? memorySpool,
  };
  return async (scope, receive, send) => {
    if (scope.type === 'lifespan') return; // async §5.5: returning early says "no lifespan support".
    // async §7.1: a sync app has no WebSocket interface; closing before accept denies with 403.
    if (scope.type === 'websocket') return send({ type: 'websocket.close' });
    // A host that knows from the wire there is no body spares the receive() round trip.
    const body = options.noBody?.(scope) === true ? NO_BODY : await readBody(receive, scope.headers, limits);
    if (body.kind === 'disconnected') return;
    if (body.kind === 'too-large') return sendError(send, new RequestError(BRIDGE_MESSAGES.bodyTooLarge(limits.bodyLimit), { status: 413 }));
    try {
      let response: SyncResponse;
      try {
        response = startApp(app, createEnviron(toEnvironRequest(scope, body.body, options)));
      } catch (error) {
        // A refused request (e.g. an underscore header in 'refuse' mode) answers itself.
        if (isRequestError(error)) return await sendError(send, error);
        throw error;
      }
      // The response is streamed here rather than in a helper: every async layer costs the request
      // promise turns (the async app it stands for awaits its sends directly, too).
      try {
        const start: HTTPResponseStartEvent = { type: 'http.response.start', status: response.statusCode, headers: lowerCaseNames(response.headers) };
        if (response.fileWrapper !== undefined && options.sendFile !== undefined) return await options.sendFile(response.fileWrapper, start, scope, send);
        await send(start);
        // docs/spec/sync.md §6.5: a HEAD response's head is final already; the rest is never pulled, and
        // close() below abandons the body (its iterator's return() first).
        // Otherwise pulled one chunk at a time: the next is produced only once the host took the last one.
        // An array body (inMemory) has every chunk already, so looking one ahead delays nothing, and its
        // last chunk ends the response: a host sends it and the end together, framed by Content-Length.
        const ahead = response.inMemory;
        let next = scope.method === 'HEAD' ? DONE : response.chunks.next();
        while (next.done !== true) {
          const chunk = next.value;
          next = ahead ? response.chunks.next() : NOT_YET;
          const last = next.done === true;
          if (chunk.byteLength > 0 || last) await send({ type: 'http.response.body', body: chunk, moreBody: !last });
          if (last) return;
          if (!ahead) next = response.chunks.next();
        }
        await send({ type: 'http.response.body', body: EMPTY, moreBody: false });
      } finally {
        // PEP 3333 §"Specification Details": close() is called however the response ends.
        response.close();
      }
    } finally {
      // Only a spooled body has anything to free (awaiting nothing would still cost a turn).
      if (body.spool !== null) await body.spool.close();
    }
  };
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };
// Stands for "not pulled yet" while streaming a generator body chunk by chunk.
const NOT_YET: IteratorYieldResult<Uint8Array> = { done: false, value: EMPTY };
const NO_BODY = { kind: 'body', body: EMPTY, spool: null } as const;

// async §2.3: header names go out lower-case (HTTP/2 needs them so). startApp's list is a copy of the
// app's, the host's to change, so it is lower-cased where it is instead of copied again.
function lowerCaseNames(headers: HeaderList): HeaderList {
  for (const pair of headers) pair[0] = pair[0].toLowerCase();
  return headers;
}

// A field the host set wins over the one read from the scope; undefined means "not set".
const or = <T>(value: T | undefined, otherwise: T): T => (value !== undefined ? value : otherwise);
const NOTHING: Partial<EnvironRequest> = Object.freeze({});

function toEnvironRequest(scope: HTTPScope, body: EnvironRequest['body'], options: SyncToAsyncOptions): EnvironRequest {
  const { server, client } = scope;
  const more = options.environ?.(scope) ?? NOTHING;
  // One literal with every key, each field read by name: no keys added one by one and no spread,
  // which node 20 turns into slow dictionary objects (and a loop over the host's keys cost more).
  return {
    method: or(more.method, scope.method),
    target: or(more.target, scope.queryString === '' ? scope.rawPath : `${scope.rawPath}?${scope.queryString}`),
    headers: or(more.headers, scope.headers),
    httpVersion: or(more.httpVersion, scope.httpVersion),
    scheme: or(more.scheme, scope.scheme),
    rootPath: or(more.rootPath, scope.rootPath),
    bodyTerminated: or(more.bodyTerminated, true),
    body: or(more.body, body),
    serverName: or(more.serverName, server ? server[0] : undefined),
    serverPort: or(more.serverPort, server && server[1] !== null ? server[1] : undefined),
    remoteAddr: or(more.remoteAddr, client ? client[0] : undefined),
    remotePort: or(more.remotePort, client && client[1] !== null ? client[1] : undefined),
    multithread: more.multithread,
    multiprocess: more.multiprocess,
    runOnce: more.runOnce,
    errors: more.errors,
    fileWrapper: more.fileWrapper,
    underscoreHeaders: more.underscoreHeaders,
    extra: more.extra,
  };
}

async function sendError(send: Send, error: { toResponse(): { statusCode: number; headers: Array<[string, string]>; body: Uint8Array } }): Promise<void> {
  const response = error.toResponse();
  await send({ type: 'http.response.start', status: response.statusCode, headers: response.headers });
  await send({ type: 'http.response.body', body: response.body });
}
