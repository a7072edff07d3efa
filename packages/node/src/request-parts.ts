// node:http / node:http2 request → the parts createScope and createWebSocketScope take. Byte-faithful:
// req.url is the raw request-target and header strings hold one latin-1 character per byte.
import type { Address, HeaderList, ScopeRequest } from '@tsgi/async';
import type { IncomingMessage } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';
import type { TLSSocket } from 'node:tls';
import { unmapped, type AddressMatcher } from './proxy/address-matcher.js';
import { readForwarded } from './proxy/forwarded.js';

/** A request from node:http, or node:http2's compatibility API. */
export type NodeRequest = IncomingMessage | Http2ServerRequest;

/** The connection facts every scope needs, before any body. */
export type RequestParts = Required<Pick<ScopeRequest, 'method' | 'target' | 'headers' | 'httpVersion' | 'scheme' | 'client' | 'server'>>;

// `--insecure-http-parser` (or a server's insecureHTTPParser option) lets invalid fields through.
const LENIENT_PROCESS = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].includes('--insecure-http-parser');

const VERSIONS: Record<string, RequestParts['httpVersion']> = { '1.0': '1.0', '1.1': '1.1', '2.0': '2', '2': '2' };
const ABSOLUTE_FORM = /^https?:\/\/([^/?#]*)/i;

/**
 * Reads method, target, headers, version, scheme and addresses from a node request. With
 * `trustedProxies`, Forwarded / X-Forwarded-* from a trusted peer replace client, scheme and Host.
 *
 * @example
 * // GET /a%2Fb?x=1 HTTP/1.1 from 127.0.0.1:51000 to 127.0.0.1:8000
 * requestParts(req); // { method: 'GET', target: '/a%2Fb?x=1', headers: [['Host', '127.0.0.1:8000']],
 * //   httpVersion: '1.1', scheme: 'http', client: ['127.0.0.1', 51000], server: ['127.0.0.1', 8000] }
 */
export function requestParts(req: NodeRequest, trustedProxies?: AddressMatcher): RequestParts {
  const socket = req.socket as Partial<TLSSocket> | undefined;
  const httpVersion = VERSIONS[req.httpVersion] ?? '1.1';
  const target = req.url ?? '/';
  let headers = httpVersion === '2' ? http2Headers(req.rawHeaders) : pairs(req.rawHeaders);
  // RFC 9112 §3.2.2: with an absolute-form target, its authority is the host; a Host header is ignored.
  const authority = httpVersion === '2' ? undefined : ABSOLUTE_FORM.exec(target)?.[1];
  if (authority !== undefined) headers = withHost(headers, authority);
  const parts: RequestParts = {
    method: req.method ?? 'GET',
    target,
    headers,
    httpVersion,
    scheme: socket?.encrypted === true ? 'https' : 'http',
    client: null,
    server: null,
  };
  const ends = connectionEnds(socket, httpVersion === '2');
  parts.client = ends.client;
  parts.server = ends.server;
  if (trustedProxies) {
    const forwarded = readForwarded(socket?.remoteAddress && unmapped(socket.remoteAddress), headers, trustedProxies);
    if (forwarded.client) parts.client = forwarded.client;
    if (forwarded.scheme) parts.scheme = forwarded.scheme;
    if (forwarded.host !== undefined) parts.headers = withHost(headers, forwarded.host);
  }
  return parts;
}

function pairs(raw: readonly string[]): HeaderList {
  const headers: HeaderList = [];
  for (let i = 0; i + 1 < raw.length; i += 2) headers.push([raw[i] ?? '', raw[i + 1] ?? '']);
  return headers;
}

/** RFC 9113 §8.3.1: pseudo-headers are not fields; :authority stands in for a missing Host. */
function http2Headers(raw: readonly string[]): HeaderList {
  const headers: HeaderList = [];
  let authority: string | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? '';
    if (name === ':authority') authority = raw[i + 1];
    else if (!name.startsWith(':')) headers.push([name, raw[i + 1] ?? '']);
  }
  if (authority !== undefined && !headers.some(([name]) => name === 'host')) headers.unshift(['host', authority]);
  return headers;
}

function withHost(headers: HeaderList, host: string): HeaderList {
  const rest = headers.filter(([name]) => name.toLowerCase() !== 'host');
  return [['host', host], ...rest];
}

/** Both ends of a connection, as scope.client and scope.server show them. */
interface ConnectionEnds {
  client: Address | null;
  server: Address | null;
}

const ENDS = Symbol('tsgi.node.connection-ends');

/**
 * Read once per HTTP/1.x connection and shared by its requests, frozen (as immutable as the tuples
 * ASGI servers hand out): the socket getters behind them cost more than the rest of a request's
 * parts. node:http2's compatibility request shows a fresh proxy of the session socket each time,
 * so HTTP/2 reads them per request.
 */
function connectionEnds(socket: (Partial<TLSSocket> & { [ENDS]?: ConnectionEnds }) | undefined, http2: boolean): ConnectionEnds {
  const cached = http2 ? undefined : socket?.[ENDS];
  if (cached !== undefined) return cached;
  const client = address(socket?.remoteAddress, socket?.remotePort);
  const server = serverAddress(socket);
  const ends: ConnectionEnds = { client: client && (Object.freeze(client) as Address), server: server && (Object.freeze(server) as Address) };
  // A socket that closed already has no addresses left to read: nothing worth keeping.
  if (!http2 && socket !== undefined && client !== null) socket[ENDS] = ends;
  return ends;
}

function address(host: string | undefined, port: number | undefined): Address | null {
  return host === undefined ? null : [unmapped(host), port ?? null];
}

function serverAddress(socket: Partial<TLSSocket> | undefined): Address | null {
  if (socket?.localAddress !== undefined) return [unmapped(socket.localAddress), socket.localPort ?? null];
  // A unix domain socket has no address; the server knows its path.
  const path = (socket as { server?: { address?: () => unknown } } | undefined)?.server?.address?.();
  return typeof path === 'string' ? [path, null] : null;
}

/** Header pairs node's HTTP/1.x parser has already held to RFC 9110's field syntax. */
class ParsedHeaders {
  constructor(private readonly list: HeaderList) {}

  headers(): HeaderList {
    return this.list;
  }
}

/**
 * The headers as a ScopeRequest `source` when node's strict HTTP/1.x parser checked them (names are
 * tokens; values hold no CR, LF or NUL, and are latin-1 by construction), so createScope need not
 * check them again; undefined when they must be checked (HTTP/2, a lenient parser).
 *
 * @example
 * createScope({ ...parts, headers: [], source: checkedHeaders(req, parts.headers) ?? undefined });
 */
export function checkedHeaders(req: NodeRequest, headers: HeaderList): { headers(): HeaderList } | undefined {
  if (req.httpVersion === '2.0' || LENIENT_PROCESS) return undefined;
  const server = (req.socket as { server?: { insecureHTTPParser?: boolean } } | null)?.server;
  return server?.insecureHTTPParser === true ? undefined : new ParsedHeaders(headers);
}
