// THE one place request parts become an environ (docs/spec/sync.md §4). Every host calls this.
import { isBytes } from './bytes.js';
import { createBufferedInput } from './buffered-input.js';
import { createEmptyInput } from './input-stream.js';
import { createConsoleErrorStream } from './error-stream.js';
import { RequestError, SyncSpecError } from './errors.js';
import { BAD_METHOD, EXTRA_CONFLICT } from './messages.js';
import { addHeaderVariables, type UnderscoreHeaders } from './request-headers.js';
import { normalizeRootPath, parseTarget, splitRootPath } from './request-target.js';
import type { Environ, ErrorStream, FileWrapperFactory, HeaderList, InputStream } from './types.js';

/**
 * The parts of a request a host hands to {@link createEnviron}. An optional field set to `undefined`
 * counts as absent, so a host may build its request as one literal with every key.
 */
export interface EnvironRequest {
  method: string;
  /** The request target exactly as sent, e.g. `'/a%2Fb?x=1'` (latin-1: one character per byte). */
  target: string;
  /** Headers in order, names in any case, values latin-1. */
  headers: HeaderList;
  /** The body as bytes (limited to CONTENT_LENGTH here), or a ready stream the host already limits, e.g.
   *  from createInputStream with `contentLength`. @default empty */
  body?: InputStream | Uint8Array | undefined;
  /** The body has no Content-Length and runs to the end of the stream (chunked, HTTP/2). Without
   *  Content-Length and without this, a request has no body (RFC 9112 §6.3). @default true */
  bodyTerminated?: boolean | undefined;
  /** @default '1.1' */
  httpVersion?: '1.0' | '1.1' | '2' | '3' | undefined;
  /** @default 'http' */
  scheme?: 'http' | 'https' | undefined;
  /** Where the app is mounted (docs/spec/sync.md §4.8). @default '' */
  rootPath?: string | undefined;
  /** @default the Host header's name, else 'localhost' */
  serverName?: string | undefined;
  /** @default the Host header's port, else 80 or 443 by scheme */
  serverPort?: number | string | undefined;
  remoteAddr?: string | undefined;
  remotePort?: number | undefined;
  /** @default false */
  multithread?: boolean | undefined;
  /** @default false */
  multiprocess?: boolean | undefined;
  /** @default false */
  runOnce?: boolean | undefined;
  /** @default a line-buffered stream over console.error */
  errors?: ErrorStream | undefined;
  fileWrapper?: FileWrapperFactory | undefined;
  /** Header names containing `_`: dropped, or refused with a 400 RequestError. @default 'drop' */
  underscoreHeaders?: UnderscoreHeaders | undefined;
  /** Host keys, e.g. `'tsgi.lambda.event'`; they may not replace computed keys. */
  extra?: Record<string, unknown> | undefined;
}

const VERSION = Object.freeze([1, 0] as const);
// RFC 9110 §5.6.2 token.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// RFC 9110 §9.3: tokens already, so the pattern need not run for them.
const COMMON_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);

/**
 * Builds the environ for one request. Throws RequestError (status 400) for a request to refuse, and
 * SyncSpecError for a host's own mistake (a non-latin-1 target, a bad rootPath).
 *
 * @example
 * createEnviron({ method: 'GET', target: '/app/caf%C3%A9?q=1', headers: [['Host', 'example.com']], rootPath: '/app' });
 * // { REQUEST_METHOD: 'GET', SCRIPT_NAME: '/app', PATH_INFO: '/café', QUERY_STRING: 'q=1',
 * //   RAW_URI: '/app/caf%C3%A9?q=1', HTTP_HOST: 'example.com', SERVER_NAME: 'example.com', ... }
 */
export function createEnviron(request: EnvironRequest): Environ {
  const { method, headers } = request;
  // RFC 9110 §9.1: a method is a case-sensitive token; anything else is refused, never normalised.
  if (!COMMON_METHODS.has(method) && !TOKEN.test(method)) throw new RequestError(`${BAD_METHOD}: ${JSON.stringify(method)}`);
  const target = parseTarget(request.target);
  const rootPath = request.rootPath === undefined || request.rootPath === '' ? '' : normalizeRootPath(request.rootPath);
  const { scriptName, pathInfo } = rootPath === '' ? { scriptName: '', pathInfo: target.path } : splitRootPath(target.path, rootPath);
  const scheme = request.scheme ?? 'http';
  const httpVersion = request.httpVersion ?? '1.1';
  // One literal, then the header variables written straight in, then the tsgi.* keys: the keys keep
  // the order they always had, without a second object spread into this one.
  const environ = {
    REQUEST_METHOD: method,
    SCRIPT_NAME: scriptName,
    PATH_INFO: pathInfo,
    QUERY_STRING: target.query,
    SERVER_NAME: '',
    SERVER_PORT: '',
    SERVER_PROTOCOL: httpVersion === '1.1' ? 'HTTP/1.1' : `HTTP/${httpVersion}`,
    RAW_URI: request.target,
    REQUEST_URI: request.target,
  } as Environ;
  addHeaderVariables(environ, headers, request.underscoreHeaders ?? 'drop');
  const { serverName, serverPort } = request;
  if (serverName !== undefined && serverPort !== undefined) {
    environ.SERVER_NAME = serverName;
    environ.SERVER_PORT = String(serverPort);
  } else {
    const [hostName, hostPort] = splitHost(target.authority ?? environ.HTTP_HOST);
    environ.SERVER_NAME = serverName ?? hostName ?? 'localhost';
    environ.SERVER_PORT = String(serverPort ?? hostPort ?? (scheme === 'https' ? 443 : 80));
  }
  environ['tsgi.version'] = VERSION;
  environ['tsgi.url_scheme'] = scheme;
  environ['tsgi.input'] = toInput(request, environ.CONTENT_LENGTH);
  environ['tsgi.input_terminated'] = true;
  environ['tsgi.errors'] = request.errors ?? createConsoleErrorStream();
  environ['tsgi.multithread'] = request.multithread ?? false;
  environ['tsgi.multiprocess'] = request.multiprocess ?? false;
  environ['tsgi.run_once'] = request.runOnce ?? false;
  environ['tsgi.raw_headers'] = headers;
  if (request.remoteAddr !== undefined) environ.REMOTE_ADDR = request.remoteAddr;
  if (request.remotePort !== undefined) environ.REMOTE_PORT = String(request.remotePort);
  if (request.fileWrapper !== undefined) environ['tsgi.file_wrapper'] = request.fileWrapper;
  const { extra } = request;
  if (extra) {
    for (const key of Object.keys(extra)) {
      if (key in environ) throw new SyncSpecError(`${EXTRA_CONFLICT}: ${key}`);
      environ[key] = extra[key];
    }
  }
  return environ;
}

// docs/spec/sync.md §4.2: the stream never reads past CONTENT_LENGTH; without one it reads to the end.
function toInput(request: EnvironRequest, contentLength: string | undefined): InputStream {
  const { body } = request;
  const length = contentLength === undefined ? undefined : Number(contentLength);
  if (length === undefined && request.bodyTerminated === false) return createEmptyInput();
  if (body === undefined) return createEmptyInput();
  if (isBytes(body)) return createBufferedInput(body, length === undefined ? {} : { contentLength: length });
  return body;
}

// 'example.com:8080' → ['example.com', '8080']; '[::1]:3000' → ['[::1]', '3000'].
function splitHost(host: string | undefined): [string | undefined, string | undefined] {
  if (host === undefined || host === '') return [undefined, undefined];
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(host);
  if (match === null) return [undefined, undefined];
  return [match[1] || undefined, match[2] || undefined];
}
