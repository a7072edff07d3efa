// Reads the parts of a Request a scope needs, without parsing its URL into a URL object: the hot path
// only slices the string the runtime already built.
import type { Address, HeaderList, ScopeRequest } from '@tsgi/async';
import type { Arrival, Runtime } from './runtime.js';

/** The request-target and server address inside a Request's URL. */
export interface UrlParts {
  scheme: 'http' | 'https';
  /** Path and query as the runtime kept them, e.g. '/a%2Fb?x=1'. */
  target: string;
  server: Address | null;
  /** The URL's host and port as written, e.g. 'example.com:8080'; '' when it has none. */
  authority: string;
}

/**
 * Splits an absolute URL into scheme, target and server address. The runtime has already parsed the
 * request line (WHATWG URL rules: dot segments resolved, `%2F` and the query kept as sent).
 *
 * @example
 * splitUrl('https://example.com/a%2Fb?x=1'); // { scheme: 'https', target: '/a%2Fb?x=1', server: ['example.com', 443], authority: 'example.com' }
 * splitUrl('http://[::1]:8080/');             // { scheme: 'http', target: '/', server: ['::1', 8080], authority: '[::1]:8080' }
 */
export function splitUrl(url: string): UrlParts {
  const https = url.startsWith('https:');
  const authorityStart = url.indexOf('//') + 2;
  let pathStart = url.indexOf('/', authorityStart);
  const queryStart = url.indexOf('?', authorityStart);
  if (queryStart !== -1 && (pathStart === -1 || queryStart < pathStart)) pathStart = queryStart;
  const authority = pathStart === -1 ? url.slice(authorityStart) : url.slice(authorityStart, pathStart);
  let target = pathStart === -1 ? '/' : url.slice(pathStart);
  if (target.startsWith('?')) target = `/${target}`;
  const hash = target.indexOf('#');
  if (hash !== -1) target = target.slice(0, hash);
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return { scheme: https ? 'https' : 'http', target, server: serverAddress(authority, https ? 443 : 80), authority: host };
}

// A server sees the same few authorities again and again: the last one parsed is kept.
let lastAuthority = '';
let lastHost = '';
let lastPort = 0;

function serverAddress(authority: string, defaultPort: number): Address | null {
  if (authority === '') return null;
  if (authority !== lastAuthority) {
    const at = authority.lastIndexOf('@');
    const hostPort = at === -1 ? authority : authority.slice(at + 1);
    // RFC 3986 §3.2.2: an IPv6 literal is bracketed, and its colons are not the port separator.
    const close = hostPort.startsWith('[') ? hostPort.indexOf(']') : -1;
    const colon = hostPort.indexOf(':', close === -1 ? 0 : close);
    const host = colon === -1 ? hostPort : hostPort.slice(0, colon);
    const port = colon === -1 ? -1 : Number(hostPort.slice(colon + 1));
    lastHost = close === -1 ? host : host.slice(1, -1);
    // -1: no port, or one that is not a number; the scheme's default stands in.
    lastPort = Number.isInteger(port) ? port : -1;
    lastAuthority = authority;
  }
  return [lastHost, lastPort === -1 ? defaultPort : lastPort];
}

/**
 * A Headers object as a header list, in the runtime's order (names lower-case; Set-Cookie kept apart).
 * Node's Request carries no Host field; the URL's authority stands in for it (RFC 9112 §3.2).
 */
export function headerList(headers: Headers, authority = ''): HeaderList {
  const list: HeaderList = [];
  let host = false;
  headers.forEach((value, name) => {
    if (name === 'host') host = true;
    list.push([name, value]);
  });
  if (!host && authority !== '') list.unshift(['host', authority]);
  return list;
}

/**
 * One Request as @tsgi/async's ScopeRequest.source: its header list and client address, read when
 * createScope (or, with a lazy scope, the app) first asks. Fetch §2.2.2: a Headers object only
 * holds token names and values without CR, LF, NUL or surrounding whitespace, so createScope does
 * not check them again; 'refuse' mode still reads them before the app runs.
 */
export class RequestSource implements NonNullable<ScopeRequest['source']> {
  readonly lazy: boolean;
  #list: HeaderList | undefined;

  constructor(
    private readonly request: Request,
    private readonly authority: string,
    private readonly arrival: Arrival,
    private readonly runtime: Pick<Runtime, 'client' | 'lazyScope'>,
  ) {
    this.lazy = runtime.lazyScope === true;
  }

  headers(): HeaderList {
    return (this.#list ??= headerList(this.request.headers, this.authority));
  }

  client(): Address | null {
    const { client } = this.runtime;
    return client === undefined ? this.arrival.client : client(this.request, this.arrival);
  }

  /** RFC 6455 §4.2.1: a GET with `Upgrade: websocket` (any case) asks for a WebSocket. */
  asksForWebSocket(): boolean {
    if (this.request.method !== 'GET') return false;
    // A lazy scope has no list yet, and one field costs less to look up than all to list.
    if (this.lazy) return this.request.headers.get('upgrade')?.toLowerCase() === 'websocket';
    for (const [name, value] of this.headers()) if (name === 'upgrade' && value.toLowerCase() === 'websocket') return true;
    return false;
  }
}
