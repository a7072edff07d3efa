// Application Load Balancer target events, in single-value or multi-value header mode.
import type { AlbEvent, AlbResult } from '../aws-types.js';
import { MESSAGES } from '../errors.js';
import { queryFromMaps } from '../internal/query.js';
import { statusLine } from '../internal/status-text.js';
import { headersFromMaps, toMultiValueHeaders, toSingleValueHeaders } from './base.js';
import { multiValueMap, optionalBoolean, optionalString, requireObject, requireString, stringMap } from './fields.js';
import type { EventSource } from './types.js';

const NAME = 'alb';

/** Multi-value mode is a target group setting; the event shows it by carrying `multiValueHeaders`. */
function isMultiValue(event: AlbEvent): boolean {
  return event.multiValueHeaders != null;
}

/** Translates ALB events and answers in the header mode the event arrived in. */
export const alb: EventSource<AlbEvent, AlbResult> = {
  name: NAME,
  streams: false,
  matches: (event) => {
    const context = event.requestContext as Record<string, unknown> | undefined;
    return typeof context === 'object' && context !== null && 'elb' in context;
  },
  read(event) {
    requireObject(event, 'requestContext.elb', NAME);
    const method = requireString(event, 'httpMethod', NAME);
    const path = requireString(event, 'path', NAME);
    const headers = headersFromMaps(stringMap(event, 'headers', NAME), multiValueMap(event, 'multiValueHeaders', NAME));
    const header = (name: string) => headers.find(([key]) => key.toLowerCase() === name)?.[1];
    // The load balancer appends the address it saw to X-Forwarded-For; earlier entries are the client's claims.
    const sourceIp = header('x-forwarded-for')?.split(',').pop();
    const query = queryFromMaps(
      multiValueMap(event, 'multiValueQueryStringParameters', NAME),
      stringMap(event, 'queryStringParameters', NAME),
      'encoded',
    );
    return {
      method,
      path,
      pathIsRaw: true,
      prefix: '',
      // Unlike API Gateway, ALB passes parameters still percent-encoded.
      query,
      headers,
      body: optionalString(event, 'body', NAME),
      isBase64Encoded: optionalBoolean(event, 'isBase64Encoded', NAME),
      scheme: header('x-forwarded-proto')?.toLowerCase() === 'http' ? 'http' : 'https',
      sourceIp,
      protocol: undefined,
    };
  },
  result(response, event, log) {
    const base = {
      statusCode: response.status,
      statusDescription: statusLine(response.status),
      body: response.body,
      isBase64Encoded: response.isBase64Encoded,
    };
    if (isMultiValue(event)) return { ...base, multiValueHeaders: toMultiValueHeaders(response.headers, response.cookies) };
    const headers = toSingleValueHeaders(response.headers);
    const [kept, ...dropped] = response.cookies;
    if (kept !== undefined) headers['set-cookie'] = kept;
    // Single-value mode has room for one Set-Cookie; joining them with commas would corrupt Expires.
    if (kept !== undefined && dropped.length > 0) log('warn', MESSAGES.albSingleValueCookies(cookieName(kept), dropped.map(cookieName)));
    return { ...base, headers };
  },
};

/** Only the name goes into logs: cookie values are often secrets. */
function cookieName(setCookie: string): string {
  return setCookie.split('=', 1)[0]!.trim();
}
