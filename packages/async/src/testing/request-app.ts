// requestApp: one HTTP request through runHttp, in memory, for tests (Starlette's TestClient, small).
import { createScope } from '../create-scope.js';
import { isRequestError } from '../errors.js';
import { concat } from '../internal/bytes.js';
import { fromUtf8, utf8 } from '../internal/runtime.js';
import { runHttp } from '../http-cycle.js';
import type { HttpTransport, LogFn } from '../transport.js';
import type { AsyncApp } from '../types/app.js';
import type { Address, HeaderList, State } from '../types/common.js';
import type { Extensions } from '../types/extensions.js';
import type { HTTPScope } from '../types/http.js';

/** The request to make; everything is optional. */
export interface TestRequest {
  /** @default 'GET' */
  method?: string;
  /** The request-target, e.g. '/a%2Fb?x=1'. @default '/' (or `path`) */
  target?: string;
  /** Alias of `target`, for readability. */
  path?: string;
  /** @default [['host', 'testserver']] plus content-length when the body is known */
  headers?: HeaderList;
  /** Strings are sent as UTF-8; iterables are streamed chunk by chunk. @default no body */
  body?: Uint8Array | string | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
  /** @default '' */
  rootPath?: string;
  /** @default 'http' */
  scheme?: 'http' | 'https';
  /** @default '1.1' */
  httpVersion?: '1.0' | '1.1' | '2' | '3';
  /** @default ['testclient', 50000] */
  client?: Address | null;
  /** @default ['testserver', 80] */
  server?: Address | null;
  state?: State;
  /** Extra extensions to advertise; trailers are advertised unless `trailers: false`. */
  extensions?: Extensions;
  /** Advertise 'http.response.trailers'. @default true */
  trailers?: boolean;
  /** Serves 'http.response.pathsend'; without it the extension is not advertised. */
  readFile?: (path: string) => Promise<Uint8Array>;
  /** Aborting it disconnects the client (an AbortSignal). */
  signal?: AbortSignalLike;
  /** @default errors and warnings to the console */
  log?: LogFn;
}

/** The part of AbortSignal requestApp uses. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
}

/** What the app answered. */
export interface TestResponse {
  status: number;
  headers: HeaderList;
  body: Uint8Array;
  /** The body as UTF-8. */
  text: string;
  trailers: HeaderList;
  /** The `links` of each 103 Early Hints response, in order. */
  earlyHints: string[][];
}

/**
 * Sends one request to an async app through runHttp, in memory. A request the server refuses (a bad
 * target, method or header) comes back as its 400. Rejects with the app's error when the response was
 * aborted after it started.
 *
 * @example
 * const res = await requestApp(app, { method: 'POST', target: '/echo', body: 'hi' });
 * expect(res.status).toBe(200);
 * expect(res.text).toBe('hi');
 */
export async function requestApp(app: AsyncApp, request: TestRequest = {}): Promise<TestResponse> {
  const body = typeof request.body === 'string' ? utf8(request.body) : request.body;
  const headers: HeaderList = [...(request.headers ?? [])];
  const has = (name: string): boolean => headers.some(([key]) => key.toLowerCase() === name);
  if (!has('host')) headers.unshift(['host', 'testserver']);
  if (body instanceof Uint8Array && !has('content-length') && !has('transfer-encoding')) {
    headers.push(['content-length', String(body.byteLength)]);
  }
  const extensions: Extensions = { ...request.extensions };
  if (request.trailers !== false) extensions['http.response.trailers'] = {};
  let scope: HTTPScope;
  try {
    scope = createScope({
      method: request.method ?? 'GET',
      target: request.target ?? request.path ?? '/',
      headers,
      rootPath: request.rootPath ?? '',
      scheme: request.scheme ?? 'http',
      httpVersion: request.httpVersion ?? '1.1',
      client: request.client === undefined ? ['testclient', 50000] : request.client,
      server: request.server === undefined ? ['testserver', 80] : request.server,
      extensions,
      ...(request.state ? { state: request.state } : {}),
    });
  } catch (error) {
    // A request the server refuses (async §3.1.2) comes back as the refusal, as a host answers it.
    if (!isRequestError(error)) throw error;
    const refusal = error.toResponse();
    return { status: refusal.status, headers: refusal.headers, body: refusal.body, text: fromUtf8(refusal.body), trailers: [], earlyHints: [] };
  }

  const response: TestResponse = { status: 0, headers: [], body: new Uint8Array(0), text: '', trailers: [], earlyHints: [] };
  const chunks: Uint8Array[] = [];
  let aborted: { error: unknown } | null = null;
  const pull = chunksOf(body);
  const { readFile, signal } = request;
  const transport: HttpTransport = {
    read: async () => (await pull.next()).value ?? null,
    closed: new Promise<void>((resolve) => {
      if (signal?.aborted) resolve();
      signal?.addEventListener('abort', () => resolve(), { once: true });
    }),
    start: (status, responseHeaders) => {
      response.status = status;
      response.headers = responseHeaders;
    },
    write: (chunk) => {
      chunks.push(chunk.slice());
      return Promise.resolve();
    },
    end: (trailers) => {
      response.trailers = trailers ?? [];
      return Promise.resolve();
    },
    earlyHints: (links) => {
      response.earlyHints.push(links);
      return Promise.resolve();
    },
    abort: (error) => {
      aborted = { error };
    },
    ...(readFile ? { sendFile: async (path: string) => void chunks.push(await readFile(path)) } : {}),
    ...(request.log ? { log: request.log } : {}),
  };
  await runHttp(app, scope, transport);
  if (aborted) throw (aborted as { error: unknown }).error;
  response.body = concat(chunks);
  response.text = fromUtf8(response.body);
  return response;
}

async function* chunksOf(body: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array> | undefined): AsyncGenerator<Uint8Array, undefined> {
  if (body === undefined) return;
  if (body instanceof Uint8Array) {
    if (body.byteLength > 0) yield body;
    return;
  }
  for await (const chunk of body) yield chunk;
}
