// API Gateway REST API proxy events (payload format 1.0; HTTP APIs can send this format too).
import type { ApiGatewayV1Event, ApiGatewayV1Result } from '../aws-types.js';
import { queryFromMaps } from '../internal/query.js';
import { headersFromMaps, toMultiValueHeaders } from './base.js';
import { multiValueMap, optionalBoolean, optionalObject, optionalString, requireString, stringMap } from './fields.js';
import { mappingPrefix } from './rest-api-route.js';
import type { EventSource, RequestParts } from './types.js';

const NAME = 'api-gateway-v1';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Finds the platform prefix. `requestContext.path` is the path the client asked for and `path` the
 * route below it, so the difference is the stage (execute-api domain) or the API mapping (custom
 * domain) — whichever it was, it never leaks into the app's routes.
 *
 * @example
 * platformPath({ path: '/users', requestContext: { path: '/prod/users', stage: 'prod' } })
 * // { full: '/prod/users', prefix: '/prod' }
 * platformPath({ path: '/shop/users/7', resource: '/users/{id}', requestContext: { path: '/shop/users/7' } })
 * // { full: '/shop/users/7', prefix: '/shop' }  (custom domain, API mapping 'shop')
 */
function platformPath(event: ApiGatewayV1Event, path: string): { full: string; prefix: string } {
  const seen = optionalString(event, 'requestContext.path', NAME);
  if (typeof seen === 'string' && seen !== path) {
    if (seen.endsWith(path)) return { full: seen, prefix: seen.slice(0, seen.length - path.length) };
    // GET /prod arrives as path '/' with requestContext.path '/prod': the target is what the client
    // sent, '/prod' (path '' below the root, async §3.1.1), never a '/prod/' it did not send.
    if (path === '/') return { full: seen, prefix: seen.replace(/\/$/, '') };
  }
  // HTTP APIs sending format 1.0 put a named stage at the start of both paths.
  const stage = optionalString(event, 'requestContext.stage', NAME);
  if (event.version === '1.0') return { full: path, prefix: stage && stage !== '$default' ? `/${stage}` : '' };
  // A REST API on a custom domain keeps the API mapping key in both paths: the matched resource
  // template tells where the route starts ('/shop/v1' + '/items/{id}').
  const resource = optionalString(event, 'resource', NAME);
  if (resource?.startsWith('/')) return { full: path, prefix: mappingPrefix(path, resource, stringMap(event, 'pathParameters', NAME)) ?? '' };
  return { full: path, prefix: '' };
}

/** Translates API Gateway REST (v1) proxy events and answers with `multiValueHeaders`. */
export const apiGatewayV1: EventSource<ApiGatewayV1Event, ApiGatewayV1Result> = {
  name: NAME,
  streams: true,
  matches: (event) =>
    isObject(event.requestContext) &&
    !('elb' in event.requestContext) &&
    event.version !== '2.0' &&
    ('httpMethod' in event || 'resource' in event),
  read(event, { stripStage }): RequestParts {
    const method = requireString(event, 'httpMethod', NAME);
    const route = requireString(event, 'path', NAME);
    const { full, prefix } = platformPath(event, route);
    const headers = headersFromMaps(stringMap(event, 'headers', NAME), multiValueMap(event, 'multiValueHeaders', NAME));
    const proto = headers.find(([name]) => name.toLowerCase() === 'x-forwarded-proto')?.[1];
    const query = queryFromMaps(
      multiValueMap(event, 'multiValueQueryStringParameters', NAME),
      stringMap(event, 'queryStringParameters', NAME),
      'decoded',
    );
    optionalObject(event, 'requestContext.identity', NAME);
    return {
      method,
      path: full,
      pathIsRaw: false,
      prefix: stripStage ? prefix : '',
      // API Gateway hands these over decoded: re-encode so QUERY_STRING is a valid raw query.
      query,
      headers,
      body: optionalString(event, 'body', NAME),
      isBase64Encoded: optionalBoolean(event, 'isBase64Encoded', NAME),
      scheme: proto?.toLowerCase() === 'http' ? 'http' : 'https',
      sourceIp: optionalString(event, 'requestContext.identity.sourceIp', NAME),
      protocol: optionalString(event, 'requestContext.protocol', NAME),
    };
  },
  result: (response) => ({
    statusCode: response.status,
    multiValueHeaders: toMultiValueHeaders(response.headers, response.cookies),
    body: response.body,
    isBase64Encoded: response.isBase64Encoded,
  }),
  prelude: (response) => ({
    statusCode: response.status,
    multiValueHeaders: toMultiValueHeaders(response.headers, response.cookies),
  }),
};
