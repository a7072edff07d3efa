// docs/spec/async.md §3: HTTP.
import type { Address, HeaderList, State, TsgiVersion } from './common.js';
import type { Extensions } from './extensions.js';

/**
 * One HTTP request (async §3.1).
 *
 * @example
 * // GET /api/users/caf%C3%A9?x=1, root path /api:
 * // { type: 'http', method: 'GET', rootPath: '/api', path: '/users/café',
 * //   rawPath: '/api/users/caf%C3%A9', queryString: 'x=1', ... }
 */
export interface HTTPScope {
  type: 'http';
  tsgi: TsgiVersion;
  httpVersion: '1.0' | '1.1' | '2' | '3';
  /** The method exactly as received: a token, case kept ('get' is not 'GET', RFC 9110 §9.1). */
  method: string;
  scheme: 'http' | 'https';
  /** The path below `rootPath`, percent-decoded as UTF-8 (async §3.1.1). */
  path: string;
  /** The path part of the request target exactly as received, still encoded; starts with '/' or is '*' (async §3.1.1). */
  rawPath: string;
  /** The query string exactly as received, without `?`. @default '' */
  queryString: string;
  /** Where the app is mounted; never ends with `/`. @default '' */
  rootPath: string;
  headers: HeaderList;
  client: Address | null;
  server: Address | null;
  state?: State;
  extensions?: Extensions;
}

/** A piece of the request body (async §3.2). */
export interface HTTPRequestEvent {
  type: 'http.request';
  body: Uint8Array;
  /** More pieces follow. @default false */
  moreBody: boolean;
}

/** The client went away, or the response is complete (async §3.3). */
export interface HTTPDisconnectEvent {
  type: 'http.disconnect';
}

/** Starts the response (async §3.4). */
export interface HTTPResponseStartEvent {
  type: 'http.response.start';
  /** An integer from 200 to 599; 1xx go through extensions (async §3.4). */
  status: number;
  /** @default [] */
  headers?: HeaderList;
  /** `http.response.trailers` events follow the body. @default false */
  trailers?: boolean;
}

/** A piece of the response body (async §3.5). */
export interface HTTPResponseBodyEvent {
  type: 'http.response.body';
  /** @default empty */
  body?: Uint8Array;
  /** @default false */
  moreBody?: boolean;
}

/** Trailing headers, after the body (async §6.1). */
export interface HTTPResponseTrailersEvent {
  type: 'http.response.trailers';
  /** @default [] */
  headers?: HeaderList;
  /** @default false */
  moreTrailers?: boolean;
}

/** Sends a file by absolute path as the whole body (async §6.2). */
export interface HTTPResponsePathsendEvent {
  type: 'http.response.pathsend';
  path: string;
}

/** Sends from an open file descriptor (async §6.3). */
export interface HTTPResponseZerocopysendEvent {
  type: 'http.response.zerocopysend';
  file: number;
  offset?: number;
  count?: number;
  /** @default false */
  moreBody?: boolean;
}

/** A 103 Early Hints response with Link headers (async §6.4). */
export interface HTTPResponseEarlyHintEvent {
  type: 'http.response.early_hint';
  links: string[];
}

/** HTTP/2 server push (async §6.5). */
export interface HTTPResponsePushEvent {
  type: 'http.response.push';
  path: string;
  headers: HeaderList;
}

/** Debug information for test clients; servers ignore it (async §6.6). */
export interface HTTPResponseDebugEvent {
  type: 'http.response.debug';
  info: Record<string, unknown>;
}

export type HTTPReceiveEvent = HTTPRequestEvent | HTTPDisconnectEvent;

export type HTTPSendEvent =
  | HTTPResponseStartEvent
  | HTTPResponseBodyEvent
  | HTTPResponseTrailersEvent
  | HTTPResponsePathsendEvent
  | HTTPResponseZerocopysendEvent
  | HTTPResponseEarlyHintEvent
  | HTTPResponsePushEvent
  | HTTPResponseDebugEvent;
