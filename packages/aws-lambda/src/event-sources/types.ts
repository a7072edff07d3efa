// The contract every event-source translator implements. The shared base (base.ts) does the work
// common to all sources; a translator only reads its own event shape and writes its own result shape.
import type { HeaderList } from '@tsgi/async';
import type { HttpResponseStreamPrelude } from '../aws-types.js';

/** Registry keys, one per translator file. */
export type SourceName = 'api-gateway-v1' | 'api-gateway-v2' | 'alb' | 'function-url';

/**
 * What a translator reads out of its event, before any normalisation.
 *
 * @example
 * // REST API, stage "prod", GET /prod/users/a%2Fb?x=1
 * { method: 'GET', path: '/prod/users/a%2Fb', prefix: '/prod', query: 'x=1', headers: [['Host', 'h']],
 *   body: null, isBase64Encoded: false, scheme: 'https', sourceIp: '1.2.3.4', protocol: 'HTTP/1.1' }
 */
export interface RequestParts {
  method: string;
  /** The whole path the client asked for, as the source delivered it (escaped by the base). */
  path: string;
  /**
   * The source delivers `path` exactly as the client sent it (Function URLs, ALB): every `%` is kept.
   * Otherwise (HTTP APIs decode it, REST APIs decode some of it) a `%` that starts no valid escape
   * is taken for a literal one and escaped.
   */
  pathIsRaw: boolean;
  /** The leading part of `path` that belongs to the platform (a stage), '' for none. */
  prefix: string;
  /** The query string, a valid raw query (escaped by the source where AWS decoded it), without `?`. */
  query: string;
  /** Header names in any case; values as JSON text. New pairs for this event alone: the base reuses them. */
  headers: HeaderList;
  body: string | null | undefined;
  isBase64Encoded: boolean;
  scheme: 'http' | 'https';
  /** The client's address as the platform saw it. */
  sourceIp: string | undefined;
  /** e.g. 'HTTP/1.1', when the source says. */
  protocol: string | undefined;
}

/**
 * A request ready for `createScope` / `createEnviron`: one shape for every source.
 *
 * @example
 * { method: 'GET', target: '/prod/users/a%2Fb?x=1', rootPath: '/prod', headers: [['host', 'h']], body: <0 bytes>,
 *   scheme: 'https', httpVersion: '1.1', client: ['1.2.3.4', null], server: ['h', 443] }
 */
export interface LambdaRequest {
  method: string;
  /** Path and query, percent-encoded once, including any root path. */
  target: string;
  /** Percent-decoded prefix of the path that becomes rootPath / SCRIPT_NAME; '' for none. */
  rootPath: string;
  /** Lower-case names, latin-1 values, Content-Length matching `body`. */
  headers: HeaderList;
  body: Uint8Array;
  scheme: 'http' | 'https';
  httpVersion: '1.0' | '1.1' | '2' | '3';
  client: [host: string, port: number | null] | null;
  server: [host: string, port: number | null] | null;
}

/** A response on its way back to a source, cookies already split from the other headers. */
export interface ResponseParts {
  status: number;
  /** Every header but Set-Cookie, as JSON text. */
  headers: HeaderList;
  /** Each Set-Cookie value, in order, never joined. */
  cookies: string[];
  body: string;
  isBase64Encoded: boolean;
}

/** Where a translator may report something the user should know (e.g. a dropped cookie). */
export type SourceLog = (level: 'warn' | 'error', message: string) => void;

/** One HTTP event source: detection, reading, and the result shapes it accepts. */
export interface EventSource<Event = never, Result = unknown> {
  readonly name: SourceName;
  /** Whether the source answers through an `awslambda.HttpResponseStream` prelude. */
  readonly streams: boolean;
  /** A cheap structural check; the registry asks each source in turn. */
  matches(event: Record<string, unknown>): boolean;
  /** Reads the event; throws `MalformedEventError` naming the first missing field. */
  read(event: Event, options: { stripStage: boolean }): RequestParts;
  /** The buffered result this source accepts. */
  result(response: ResponseParts, event: Event, log: SourceLog): Result;
  /** The streaming prelude, for sources where `streams` is true. */
  prelude?(response: Omit<ResponseParts, 'body' | 'isBase64Encoded'>, event: Event): HttpResponseStreamPrelude;
}
