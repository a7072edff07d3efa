// The JSON both probe apps answer with by default: what the app received, in one shape for both
// interfaces, plus the interface's own view (environ keys or scope extras) for exact checks.
import type { HeaderList } from '@tsgi/async';

/**
 * What a probe app received.
 *
 * @example
 * // GET /report/a%2Fb?x=1 to the async probe:
 * // { interface: 'async', method: 'GET', rootPath: '', path: '/report/a/b', rawPath: '/report/a%2Fb',
 * //   queryString: 'x=1', headers: [['host', '127.0.0.1:8080'], ...], body: { length: 0, crc32: '00000000' }, ... }
 */
export interface ProbeReport {
  interface: 'sync' | 'async';
  /** REQUEST_METHOD or scope.method. */
  method: string;
  /** SCRIPT_NAME or scope.rootPath. */
  rootPath: string;
  /** PATH_INFO or scope.path. */
  path: string;
  /** The path part of RAW_URI, or scope.rawPath. */
  rawPath: string;
  /** QUERY_STRING or scope.queryString. */
  queryString: string;
  /** tsgi.raw_headers or scope.headers. */
  headers: HeaderList;
  /** The request body as read: byte count, CRC-32 and how many pieces it came in. */
  body: { length: number; crc32: string; pieces: number };
  /** environ['tsgi.url_scheme'] or scope.scheme. */
  scheme: string;
  /** environ['tsgi.version'] or scope.tsgi. */
  version: unknown;
  /** Sync only: every string-valued environ key (CGI variables, HTTP_*). */
  environ?: Record<string, string>;
  /** Sync only: environ['tsgi.input_terminated']. */
  inputTerminated?: boolean;
  /** Async only: scope.httpVersion. */
  httpVersion?: string;
  /** Async only: scope.state (null when the host gave none). */
  state?: Record<string, unknown> | null;
  /** Async only: the keys of scope.extensions. */
  extensions?: string[];
  /** WebSocket scopes only: scope.subprotocols. */
  subprotocols?: string[];
  /** Async only: scope.type. */
  type?: string;
}

/** Parses a raw query string into its first value per key ('a=1&a=2' gives a: '1'). */
export function queryParam(queryString: string, key: string): string | undefined {
  for (const part of queryString.split('&')) {
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    if (safeDecode(name) === key) return eq === -1 ? '' : safeDecode(part.slice(eq + 1));
  }
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
