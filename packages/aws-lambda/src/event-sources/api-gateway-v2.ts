// API Gateway HTTP API events (payload format 2.0).
import type { HeaderList } from '@tsgi/async';
import type { ApiGatewayV2Event, ApiGatewayV2Result } from '../aws-types.js';
import { escapeQuery } from '../internal/path.js';
import { toSingleValueHeaders } from './base.js';
import { checkOptionalBoolean, checkOptionalString, checkRequiredObject, checkRequiredString, checkOptionalObject, checkStringArray, malformed } from './fields.js';
import type { EventSource, RequestParts, ResponseParts } from './types.js';

const NAME = 'api-gateway-v2';
const RAW = { raw: true } as const;

/**
 * Reads the 2.0 payload shape that HTTP APIs and Function URLs share; `prefix` is the stage part.
 * HTTP APIs deliver `rawPath` decoded, Function URLs as sent (`pathIsRaw`).
 */
export function readPayloadV2(event: ApiGatewayV2Event, source: string, prefix: string, pathIsRaw: boolean): RequestParts {
  // Fields are read directly (every invocation reads them all); the checks run in the order the
  // fields are listed here, so the first wrong one is the one named.
  const fields = event as unknown as Record<string, unknown>;
  const context = checkRequiredObject(fields.requestContext, event, 'requestContext', source);
  const http = checkRequiredObject(context.http, event, 'requestContext.http', source);
  const method = checkRequiredString(http.method, event, 'requestContext.http.method', source);
  const path = checkRequiredString(fields.rawPath, event, 'rawPath', source);
  const headers: HeaderList = [];
  const cookies = checkStringArray(fields.cookies, event, 'cookies', source);
  const sent = checkOptionalObject(fields.headers, event, 'headers', source);
  let hasHost = false;
  let proto: string | undefined;
  for (const name in sent) {
    if (!Object.hasOwn(sent, name)) continue;
    const value = sent[name];
    // Checked here rather than in a pass of its own: a map of names to strings.
    if (typeof value !== 'string') throw malformed(event, 'headers', source);
    // Names arrive lower-case from API Gateway; a test event may not, so compare without case.
    const lower = name.toLowerCase();
    // 2.0 moves the Cookie header into `cookies`; if both arrive, the array is the complete one.
    if (cookies.length > 0 && lower === 'cookie') continue;
    if (lower === 'host') hasHost = true;
    else if (lower === 'x-forwarded-proto') proto ??= value;
    headers.push([name, value]);
  }
  // RFC 6265 §5.4: cookie-pairs join with "; ".
  if (cookies.length > 0) headers.push(['cookie', cookies.length === 1 ? cookies[0]! : cookies.join('; ')]);
  // RFC 9112 §3.2: a request has a Host; an event that lost it still names the domain it came to.
  const domain = checkOptionalString(context.domainName, event, 'requestContext.domainName', source);
  if (domain && !hasHost) headers.push(['host', domain]);
  const query = checkOptionalString(fields.rawQueryString, event, 'rawQueryString', source) ?? '';
  const body = checkOptionalString(fields.body, event, 'body', source);
  const isBase64Encoded = checkOptionalBoolean(fields.isBase64Encoded, event, 'isBase64Encoded', source);
  return {
    method,
    path,
    pathIsRaw,
    prefix,
    // rawQueryString is the query as the client sent it: kept, escaping only what no target may hold.
    query: escapeQuery(query, RAW),
    headers,
    body,
    isBase64Encoded,
    scheme: proto?.toLowerCase() === 'http' ? 'http' : 'https',
    sourceIp: checkOptionalString(http.sourceIp, event, 'requestContext.http.sourceIp', source),
    protocol: checkOptionalString(http.protocol, event, 'requestContext.http.protocol', source),
  };
}

/** The 2.0 result shape: repeated headers comma-joined, each Set-Cookie alone in `cookies`. */
export function payloadV2Result(response: ResponseParts): ApiGatewayV2Result {
  const result: ApiGatewayV2Result = {
    statusCode: response.status,
    headers: toSingleValueHeaders(response.headers),
    body: response.body,
    isBase64Encoded: response.isBase64Encoded,
  };
  if (response.cookies.length > 0) result.cookies = [...response.cookies];
  return result;
}

/** Translates HTTP API (payload 2.0) events; a named stage at the start of `rawPath` becomes rootPath. */
export const apiGatewayV2: EventSource<ApiGatewayV2Event, ApiGatewayV2Result> = {
  name: NAME,
  // HTTP APIs only take buffered responses from Lambda.
  streams: false,
  matches: (event) => event.version === '2.0',
  read(event, { stripStage }) {
    const context: unknown = event.requestContext;
    const stage = checkOptionalString(typeof context === 'object' && context !== null ? (context as { stage?: unknown }).stage : undefined, event, 'requestContext.stage', NAME);
    // HTTP APIs put a named stage in rawPath; `$default` is served at the root.
    const prefix = stripStage && stage && stage !== '$default' ? `/${stage}` : '';
    return readPayloadV2(event, NAME, prefix, false);
  },
  result: (response) => payloadV2Result(response),
};
