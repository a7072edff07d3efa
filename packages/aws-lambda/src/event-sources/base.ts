// The shared base under every translator (Hono's EventProcessor): everything that does not depend
// on the event's shape — escaping, root paths, bodies, Content-Length, cookies, binary detection.
import type { HeaderList } from '@tsgi/async';
import type { MultiValueMap, StringMap } from '../aws-types.js';
import { MalformedEventError } from '../errors.js';
import { encodeBase64, decodeBase64 } from '../internal/base64.js';
import { type BinaryHook, isBinaryByHeaders } from '../internal/binary.js';
import { fromLatin1, toLatin1 } from '../internal/latin1.js';
import { fromUtf8Strict, utf8 } from '../internal/runtime.js';
import { decodePath, escapePath, stripPrefix } from '../internal/path.js';
import type { EventSource, LambdaRequest, RequestParts, ResponseParts } from './types.js';


/** Options the base applies after the translator has read its event. */
export interface RequestOptions {
  /** Normalised base path (custom domain mapping), '' for none. */
  basePath: string;
  stripStage: boolean;
}

/** The event's top-level keys, for error messages that say what arrived. */
export function keysOf(event: unknown): string[] {
  return typeof event === 'object' && event !== null ? Object.keys(event) : [];
}

/**
 * Merges AWS's header maps into one list: the multi-value map when present (it keeps repeats), else
 * the single-value map. Cookie pieces join with "; " (RFC 6265 §5.4), never ", ".
 */
export function headersFromMaps(single: StringMap, multi: MultiValueMap): HeaderList {
  const headers: HeaderList = [];
  if (multi != null && Object.keys(multi).length > 0) {
    for (const [name, values] of Object.entries(multi)) {
      if (!values || values.length === 0) continue;
      if (name.toLowerCase() === 'cookie') headers.push([name, values.join('; ')]);
      else for (const value of values) headers.push([name, value]);
    }
  } else if (single != null) {
    for (const [name, value] of Object.entries(single)) if (value !== undefined) headers.push([name, value]);
  }
  return headers;
}

// One shared empty body: a zero-length array has no bytes to change, and allocating a typed array costs
// more than the rest of a small GET's request translation. Frozen so no one can hang properties on it.
const NO_BODY: Uint8Array = Object.freeze(new Uint8Array(0));

function decodeBody(parts: RequestParts, source: string, event: object): Uint8Array {
  if (parts.body == null || parts.body === '') return NO_BODY;
  if (!parts.isBase64Encoded) return utf8(parts.body);
  const bytes = decodeBase64(parts.body);
  if (bytes === null) throw new MalformedEventError(source, 'body', keysOf(event));
  return bytes;
}

function httpVersion(protocol: string | undefined): LambdaRequest['httpVersion'] {
  if (protocol === 'HTTP/1.1') return '1.1';
  const version = /^HTTP\/(\d(?:\.\d)?)$/i.exec(protocol ?? '')?.[1];
  if (version === '1.0' || version === '2' || version === '3') return version;
  if (version === '2.0') return '2';
  return '1.1';
}

function serverAddress(host: string | undefined, forwardedPort: string | undefined, scheme: 'http' | 'https'): LambdaRequest['server'] {
  if (host === undefined) return null;
  // RFC 9110 §7.2: Host is uri-host [":" port]; an IPv6 literal keeps its brackets.
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host);
  const forwarded = Number(forwardedPort);
  const port = match?.[2] ? Number(match[2]) : Number.isInteger(forwarded) && forwarded > 0 ? forwarded : null;
  return [match?.[1] ?? host, port ?? (scheme === 'https' ? 443 : 80)];
}

const RAW = { raw: true } as const;
const DECODED = { raw: false } as const;

/**
 * Turns a translator's reading of an event into the one request shape every runner takes: the path
 * escaped once, the platform prefix and the base path moved into rootPath, the body decoded, and
 * Content-Length set to the bytes the app will actually read.
 */
export function toLambdaRequest<E extends object>(
  source: EventSource<E>,
  event: E,
  options: RequestOptions,
): LambdaRequest {
  const parts = source.read(event, options);
  const raw = parts.pathIsRaw ? RAW : DECODED;
  const path = escapePath(parts.path || '/', raw);
  let root = '';
  let rest = path;
  const prefix = parts.prefix === '' ? '' : escapePath(parts.prefix, raw);
  const afterPrefix = stripPrefix(rest, prefix);
  if (afterPrefix !== null) [root, rest] = [prefix, afterPrefix];
  const afterBase = stripPrefix(rest, options.basePath);
  if (afterBase !== null) root += options.basePath;

  const body = decodeBody(parts, source.name, event);
  const headers: HeaderList = [];
  let hadLength = false;
  let host: string | undefined;
  let forwardedPort: string | undefined;
  // The translator made these pairs for this event alone (RequestParts.headers): each is reused.
  for (const pair of parts.headers) {
    const lower = pair[0].toLowerCase();
    // RFC 9112 §6.3: the body is buffered now, so its length is known and any framing header the
    // client sent no longer describes what the app reads.
    if (lower === 'content-length') hadLength = true;
    if (lower === 'content-length' || lower === 'transfer-encoding') continue;
    const text = toLatin1(pair[1]);
    if (lower === 'host') host ??= text;
    else if (lower === 'x-forwarded-port') forwardedPort ??= text;
    pair[0] = lower;
    pair[1] = text;
    headers.push(pair);
  }
  if (body.length > 0 || hadLength) headers.push(['content-length', String(body.length)]);

  const sourceIp = parts.sourceIp?.trim();
  return {
    // RFC 9110 §9.1: methods are case-sensitive; the event's is passed on as the client sent it.
    method: parts.method,
    target: parts.query === '' ? path : `${path}?${parts.query}`,
    rootPath: decodePath(root),
    headers,
    body,
    scheme: parts.scheme,
    httpVersion: httpVersion(parts.protocol),
    client: sourceIp ? [sourceIp, null] : null,
    server: serverAddress(host, forwardedPort, parts.scheme),
  };
}

/** Splits Set-Cookie out (each value alone: commas occur inside Expires) and encodes the body. */
export function toResponseParts(
  status: number,
  headers: HeaderList,
  body: Uint8Array,
  isBinary: BinaryHook | undefined,
): ResponseParts {
  const cookies: string[] = [];
  const rest: HeaderList = [];
  let contentType: string | undefined;
  let contentEncoding: string | undefined;
  for (const pair of headers) {
    const [name, value] = pair;
    const lower = name.toLowerCase();
    if (lower === 'set-cookie') {
      cookies.push(fromLatin1(value));
      continue;
    }
    if (lower === 'content-type') contentType ??= value;
    else if (lower === 'content-encoding') contentEncoding ??= value;
    // Read-only from here on: a pair whose value needs no re-decoding is passed on as it is.
    const text = fromLatin1(value);
    rest.push(text === value ? pair : [name, text]);
  }
  // A text body is decoded once: the strict decode both proves it is UTF-8 and gives the string.
  const text = isBinaryByHeaders(headers, contentType, contentEncoding, body, isBinary) ? null : body.length === 0 ? '' : fromUtf8Strict(body);
  return {
    status,
    headers: rest,
    cookies,
    body: text ?? encodeBase64(body),
    isBase64Encoded: text === null,
  };
}

/** A plain-text error response, for events whose shape is known but cannot be served. */
export function errorParts(status: number, message: string): ResponseParts {
  return {
    status,
    headers: [['content-type', 'text/plain; charset=utf-8']],
    cookies: [],
    body: message,
    isBase64Encoded: false,
  };
}

/** Headers as a multi-value map, Set-Cookie values each kept whole (REST API, ALB multi-value mode). */
export function toMultiValueHeaders(headers: HeaderList, cookies: string[]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const [name, value] of headers) (map[name.toLowerCase()] ??= []).push(value);
  if (cookies.length > 0) map['set-cookie'] = [...cookies];
  return map;
}

/** Headers as a single-value map; repeats join with ", " (RFC 9110 §5.3), so Set-Cookie never goes here. */
export function toSingleValueHeaders(headers: HeaderList): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    map[key] = map[key] === undefined ? value : `${map[key]}, ${value}`;
  }
  return map;
}
