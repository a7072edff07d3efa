// THE one place a host turns request parts into a scope (async §3.1, §4.1).
import { trimFieldValue } from '@tsgi/sync';
import { RequestError } from './errors.js';
import { COMMON_MESSAGES, HTTP_MESSAGES } from './messages.js';
import { isFieldText, isToken } from './internal/checks.js';
import { normalizeRootPath, pathBelowRoot, splitTarget } from './internal/target.js';
import type { Address, HeaderList, State, TsgiVersion } from './types/common.js';
import type { Extensions } from './types/extensions.js';
import type { HTTPScope } from './types/http.js';
import type { WebSocketScope } from './types/websocket.js';

/** The request parts a host knows, before any body (the same shape as @tsgi/sync's EnvironRequest). */
export interface ScopeRequest {
  method: string;
  /** The request-target exactly as sent, e.g. '/a%2Fb?x=1' (async §3.1.1). */
  target: string;
  /** Header pairs as received: any-case names, latin-1 values, in order. */
  headers: HeaderList;
  /** @default '1.1' */
  httpVersion?: '1.0' | '1.1' | '2' | '3';
  /** 'ws'/'wss' are accepted as 'http'/'https' and the other way round. @default 'http' */
  scheme?: 'http' | 'https' | 'ws' | 'wss';
  /** Where the app is mounted, e.g. '/api'. @default '' */
  rootPath?: string;
  /** @default null */
  client?: Address | null;
  /** @default null */
  server?: Address | null;
  /** Lifespan state: shallow-copied into the scope (async §5.4). */
  state?: State;
  /** What this host supports (async §6). @default {} */
  extensions?: Extensions;
  /** What to do with a header name holding '_' (async §2.3). @default 'drop' */
  underscoreHeaders?: 'drop' | 'refuse';
  /**
   * The host's own request, read for `headers` (pass `[]` there) and `client`, when its HTTP layer
   * has already enforced the field syntax (a Fetch Request): its pairs are not checked again, and
   * with `lazy` they are read only when the app first reads them. @default undefined
   */
  source?: RequestSource;
}

/** ScopeRequest.source: request parts that are valid already, read through methods (one object per request). */
interface RequestSource {
  /**
   * Header pairs whose names are tokens and whose values hold no CR, LF or NUL and no surrounding
   * whitespace, with no pseudo-headers: what a WHATWG Headers object guarantees (Fetch §2.2.2).
   * In 'refuse' mode they are read and checked at once, as `headers` is: a 400 must come before the app runs.
   */
  headers(): HeaderList;
  /** The client's address, standing in for `client`. */
  client?(): Address | null;
  /**
   * Read `headers()` and `client()` on the app's first read of `scope.headers` / `scope.client`
   * (or never). The scope still behaves as a plain object: both keys are own and enumerable, in
   * their usual order, spread and JSON.stringify see their values, and the first read or write
   * turns each into an ordinary data property. Each costs an own accessor: cheap on JavaScriptCore
   * (Bun), about a microsecond on V8, more than the reads it saves there.
   * @default false
   */
  lazy?: boolean;
}

/** `scope.tsgi` for this version of the spec (async §2.1). */
export const TSGI_VERSION: Readonly<TsgiVersion> = Object.freeze({ version: '1.0', specVersion: '1.0' });

/**
 * Builds the scope of one HTTP request (async §3.1). Throws a RequestError (400) when the request
 * must be refused, e.g. a header name with '_' in 'refuse' mode.
 *
 * @example
 * createScope({ method: 'GET', target: '/api/caf%C3%A9?x=1', headers: [['Host', 'a.test']], rootPath: '/api' });
 * // { type: 'http', path: '/café', rawPath: '/api/caf%C3%A9', queryString: 'x=1', rootPath: '/api',
 * //   headers: [['host', 'a.test']], ... }
 */
export function createScope(request: ScopeRequest): HTTPScope {
  const { source } = request;
  if (source?.lazy === true && request.underscoreHeaders !== 'refuse') return lazyScope(request, source);
  // One literal with every key, never `{ ...parts, key }`: node 20's V8 builds that as a slow
  // dictionary-mode object (about 2 µs, and slower reads after), and every request builds a scope.
  const target = splitTarget(request.target);
  const rootPath = normalizeRootPath(request.rootPath);
  const scope: HTTPScope = {
    type: 'http',
    tsgi: { version: TSGI_VERSION.version, specVersion: TSGI_VERSION.specVersion },
    httpVersion: request.httpVersion ?? '1.1',
    method: checkMethod(request.method),
    scheme: request.scheme === 'https' || request.scheme === 'wss' ? 'https' : 'http',
    path: pathBelowRoot(target.path, rootPath),
    rawPath: target.rawPath,
    queryString: target.query,
    rootPath,
    headers: sourceHeaders(request),
    client: source?.client?.() ?? request.client ?? null,
    server: request.server ?? null,
    extensions: { ...request.extensions },
  };
  if (request.state) scope.state = { ...request.state };
  return scope;
}

/** createScope with `headers` and `client` read on first access (RequestSource.lazy). */
function lazyScope(request: ScopeRequest, source: RequestSource): HTTPScope {
  const target = splitTarget(request.target);
  const rootPath = normalizeRootPath(request.rootPath);
  const { httpVersion } = request;
  // Accessors in the literal, in the keys' usual order, so Object.keys and spread see the same
  // scope as createScope's; the first read or write replaces each with a data property (`settle`).
  const scope: HTTPScope = {
    type: 'http',
    tsgi: { version: TSGI_VERSION.version, specVersion: TSGI_VERSION.specVersion },
    httpVersion: httpVersion ?? '1.1',
    method: checkMethod(request.method),
    scheme: request.scheme === 'https' || request.scheme === 'wss' ? 'https' : 'http',
    path: pathBelowRoot(target.path, rootPath),
    rawPath: target.rawPath,
    queryString: target.query,
    rootPath,
    get headers(): HeaderList {
      return settle(this, 'headers', validHeaders(source.headers(), httpVersion));
    },
    set headers(value: HeaderList) {
      settle(this, 'headers', value);
    },
    get client(): Address | null {
      return settle(this, 'client', source.client?.() ?? request.client ?? null);
    },
    set client(value: Address | null) {
      settle(this, 'client', value);
    },
    server: request.server ?? null,
    extensions: { ...request.extensions },
  };
  if (request.state) scope.state = { ...request.state };
  return scope;
}

/** The scope's header list: from the source when there is one (checked only in 'refuse' mode). */
function sourceHeaders(request: Omit<ScopeRequest, 'method'>): HeaderList {
  const { source, underscoreHeaders = 'drop', httpVersion } = request;
  if (source === undefined || underscoreHeaders === 'refuse') {
    return normalizeHeaders(source?.headers() ?? request.headers, underscoreHeaders, httpVersion);
  }
  return validHeaders(source.headers(), httpVersion);
}

/** Turns a lazy key into the data property it stands for, holding `value`; returns `value`. */
function settle<T>(scope: HTTPScope, key: 'headers' | 'client', value: T): T {
  Object.defineProperty(scope, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/**
 * Builds the scope of one WebSocket handshake (async §4.1); `subprotocols` come from
 * Sec-WebSocket-Protocol, in the client's order.
 *
 * @example
 * createWebSocketScope({ method: 'GET', target: '/chat', headers: [['sec-websocket-protocol', 'v2, v1']] })
 *   .subprotocols; // ['v2', 'v1']
 */
export function createWebSocketScope(request: Omit<ScopeRequest, 'method'> & { method?: string }): WebSocketScope {
  // A handshake is rare next to requests, and subprotocols need the headers: nothing is lazy.
  const headers = sourceHeaders(request);
  const scope: WebSocketScope = {
    type: 'websocket',
    tsgi: { version: TSGI_VERSION.version, specVersion: TSGI_VERSION.specVersion },
    // RFC 6455 §4.1: the handshake needs HTTP/1.1 or later.
    httpVersion: request.httpVersion === '2' || request.httpVersion === '3' ? request.httpVersion : '1.1',
    scheme: request.scheme === 'https' || request.scheme === 'wss' ? 'wss' : 'ws',
    ...paths(request),
    headers,
    client: request.source?.client?.() ?? request.client ?? null,
    server: request.server ?? null,
    subprotocols: headers
      .filter(([name]) => name === 'sec-websocket-protocol')
      .flatMap(([, value]) => value.split(','))
      .map((token) => token.trim())
      .filter((token) => token !== ''),
    extensions: { ...request.extensions },
  };
  if (request.state) scope.state = { ...request.state };
  return scope;
}

function paths(request: Pick<ScopeRequest, 'target' | 'rootPath'>): Pick<HTTPScope, 'path' | 'rawPath' | 'queryString' | 'rootPath'> {
  const { rawPath, path, query } = splitTarget(request.target);
  const rootPath = normalizeRootPath(request.rootPath);
  return { path: pathBelowRoot(path, rootPath), rawPath, queryString: query, rootPath };
}

// RFC 9110 §9.1: a method is a token, and case-sensitive: 'get' is not 'GET', so it is kept as sent.
function checkMethod(method: string): string {
  // The common methods are tokens: they skip the regex.
  if (method === 'GET' || method === 'POST' || method === 'HEAD') return method;
  if (!isToken(method)) throw new RequestError(HTTP_MESSAGES.badMethod(method));
  return method;
}

function normalizeHeaders(headers: HeaderList, underscores: 'drop' | 'refuse', httpVersion: string | undefined): HeaderList {
  const result: HeaderList = [];
  const cookies: string[] = [];
  let authority: string | undefined;
  for (const [name, value] of headers) {
    // async §3.1.2 (sync §7.2): what no HTTP parser lets through never reaches the app either.
    if (!isFieldText(value)) throw new RequestError(HTTP_MESSAGES.badRequestHeaderValue(name));
    if (name.startsWith(':')) {
      // HTTP/2 and HTTP/3 pseudo-headers are request parts, not fields; :authority stands in for host.
      if (name === ':authority') authority = value;
      continue;
    }
    if (!isToken(name)) throw new RequestError(HTTP_MESSAGES.badRequestHeaderName(name));
    if (name.includes('_')) {
      // async §2.3: X_Forwarded_For must not pass for X-Forwarded-For once names are compared loosely.
      if (underscores === 'refuse') throw new RequestError(COMMON_MESSAGES.underscoreHeader(name));
      continue;
    }
    const key = name.toLowerCase();
    const text = trimFieldValue(value);
    // RFC 9113 §8.2.3: HTTP/2 (and HTTP/3) may split cookie into several fields; apps expect one.
    if (key === 'cookie' && (httpVersion === '2' || httpVersion === '3')) cookies.push(text);
    else result.push([key, text]);
  }
  if (cookies.length > 0) result.push(['cookie', cookies.join('; ')]);
  if (authority !== undefined && !result.some(([key]) => key === 'host')) result.unshift(['host', authority]);
  return result;
}

/**
 * normalizeHeaders for pairs that are valid fields already (ScopeRequest.source). Fetch §2.2.2:
 * a header name is a token and a header value has no CR, LF or NUL and no surrounding whitespace,
 * so the checks of async §3.1.2 cannot fail; what is left is dropping names with '_' (async §2.3;
 * 'refuse' never gets here, it must answer 400 before the app runs), lower-case names, trimming,
 * and HTTP/2 cookies.
 */
function validHeaders(headers: HeaderList, httpVersion: string | undefined): HeaderList {
  const result: HeaderList = [];
  const cookies: string[] = [];
  for (const [name, value] of headers) {
    if (name.includes('_')) continue;
    const key = name.toLowerCase();
    const text = trimFieldValue(value);
    // RFC 9113 §8.2.3, as in normalizeHeaders.
    if (key === 'cookie' && (httpVersion === '2' || httpVersion === '3')) cookies.push(text);
    else result.push([key, text]);
  }
  if (cookies.length > 0) result.push(['cookie', cookies.join('; ')]);
  return result;
}
