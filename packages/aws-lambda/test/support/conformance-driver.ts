// A @tsgi/conformance driver per event source: each conformance request becomes the event that
// source would send (with its known transformations: HTTP APIs decode the path, REST APIs decode
// query parameters into maps, ALB single-value mode keeps one value per header), and the handler's
// result becomes the HTTP response API Gateway or the ALB would send.
import { Buffer } from 'node:buffer';
import { CASE_IDS, type ConformanceRequest, type ConformanceResponse, type Driver } from '@tsgi/conformance';
import { handler, isResponseAbortedError, type LambdaHttpResult } from '../../src/index.js';
import { lambdaContext } from './events.js';
import { readResult } from './results.js';

/** The event sources the conformance suite runs through. */
export type DriverSource = 'api-gateway-v1' | 'api-gateway-v2' | 'alb-single-value' | 'alb-multi-value' | 'function-url';

type Headers = Array<[string, string]>;

interface Parts {
  method: string;
  path: string;
  query: string;
  headers: Headers;
  body: Buffer;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** API Gateway and ALB send text bodies as text and anything else base64-encoded. */
function encodeBody(body: Buffer): { body: string; isBase64Encoded: boolean } {
  if (body.length === 0) return { body: '', isBase64Encoded: false };
  try {
    return { body: utf8.decode(body), isBase64Encoded: false };
  } catch {
    return { body: body.toString('base64'), isBase64Encoded: true };
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The query as [key, value] pairs, decoded (API Gateway) or as sent (ALB). */
function queryPairs(query: string, decoded: boolean): Array<[string, string]> {
  if (query === '') return [];
  return query.split('&').map((pair) => {
    const at = pair.indexOf('=');
    const [key, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    return decoded ? [decode(key), decode(value)] : [key, value];
  });
}

function singleMap(pairs: Array<[string, string]>, lower = false): Record<string, string> | null {
  if (pairs.length === 0) return null;
  const map: Record<string, string> = {};
  for (const [key, value] of pairs) map[lower ? key.toLowerCase() : key] = value;
  return map;
}

function multiMap(pairs: Array<[string, string]>, lower = false): Record<string, string[]> | null {
  if (pairs.length === 0) return null;
  const map: Record<string, string[]> = {};
  for (const [key, value] of pairs) (map[lower ? key.toLowerCase() : key] ??= []).push(value);
  return map;
}

function payloadV2(parts: Parts, domainName: string, rawPath: string): Record<string, unknown> {
  const cookies = parts.headers.filter(([name]) => name.toLowerCase() === 'cookie').flatMap(([, value]) => value.split(/;\s*/));
  const headers: Record<string, string> = {};
  for (const [name, value] of parts.headers) {
    const key = name.toLowerCase();
    if (key === 'cookie') continue;
    // Payload 2.0 joins repeated headers with commas.
    headers[key] = headers[key] === undefined ? value : `${headers[key]},${value}`;
  }
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: parts.query,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    requestContext: {
      accountId: '123456789012',
      apiId: domainName.split('.')[0],
      domainName,
      http: { method: parts.method, path: decode(parts.path), protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'conformance' },
      requestId: 'conformance',
      routeKey: '$default',
      stage: '$default',
      time: '12/Mar/2024:10:15:30 +0000',
      timeEpoch: 1710238530000,
    },
    ...encodeBody(parts.body),
  };
}

const EVENTS: Record<DriverSource, (parts: Parts) => Record<string, unknown>> = {
  'api-gateway-v1': (parts) => {
    const query = queryPairs(parts.query, true);
    return {
      resource: '/{proxy+}',
      // REST APIs keep the path as sent; a custom domain mapped at its root adds no prefix.
      path: parts.path,
      httpMethod: parts.method,
      headers: singleMap(parts.headers),
      multiValueHeaders: multiMap(parts.headers),
      queryStringParameters: singleMap(query),
      multiValueQueryStringParameters: multiMap(query),
      pathParameters: { proxy: parts.path.slice(1) },
      stageVariables: null,
      requestContext: {
        accountId: '123456789012',
        apiId: 'conformance',
        domainName: 'api.example.com',
        httpMethod: parts.method,
        identity: { sourceIp: '127.0.0.1' },
        path: parts.path,
        protocol: 'HTTP/1.1',
        requestId: 'conformance',
        resourcePath: '/{proxy+}',
        stage: 'live',
      },
      ...encodeBody(parts.body),
    };
  },
  // HTTP APIs hand the function rawPath percent-decoded.
  'api-gateway-v2': (parts) => payloadV2(parts, 'r4nd0m1d.execute-api.eu-west-1.amazonaws.com', decode(parts.path)),
  'function-url': (parts) => payloadV2(parts, 'abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws', parts.path),
  'alb-single-value': (parts) => ({
    requestContext: { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/tg/1' } },
    httpMethod: parts.method,
    path: parts.path,
    queryStringParameters: singleMap(queryPairs(parts.query, false)) ?? {},
    headers: singleMap(parts.headers, true) ?? {},
    ...encodeBody(parts.body),
  }),
  'alb-multi-value': (parts) => ({
    requestContext: { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/tg/1' } },
    httpMethod: parts.method,
    path: parts.path,
    multiValueQueryStringParameters: multiMap(queryPairs(parts.query, false)) ?? {},
    multiValueHeaders: multiMap(parts.headers, true) ?? {},
    ...encodeBody(parts.body),
  }),
};

async function collect(body: ConformanceRequest['body']): Promise<Buffer> {
  if (body === undefined) return Buffer.alloc(0);
  if (body instanceof Uint8Array) return Buffer.from(body);
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function toResponse(result: LambdaHttpResult): ConformanceResponse {
  const response = readResult(result);
  return { status: response.status, headers: response.headers.map(([name, value]) => [name.toLowerCase(), value]), body: new Uint8Array(response.body) };
}

const BUFFERED = 'a buffered Lambda response is all or nothing: a failure after the head fails the invocation, and the client gets API Gateway\'s or the ALB\'s 502, never a truncated 200';
const NO_DISCONNECT = 'Lambda never tells a function that its client went away; the response is collected whole either way';
const PAYLOAD_LIMIT = 'Lambda invocation payloads are capped at 6 MB (1 MB behind an ALB), so an 8 MiB body never reaches the function';
const NO_TRAILERS = "Lambda's result and response-stream formats have no trailer fields";
const WEBSOCKET =
  'API Gateway WebSocket APIs invoke Lambda once per connect/message/disconnect with their own event shape, not an HTTP upgrade; @tsgi/aws-lambda serves HTTP events only';

const WS_CASES = CASE_IDS.filter((id) => id.startsWith('ws.'));

/** What every source cannot do, with the reason shown in the skipped test. */
export const COMMON_UNSUPPORTED: NonNullable<Driver['unsupported']> = {
  'http.body.large': PAYLOAD_LIMIT,
  'http.response.trailers': NO_TRAILERS,
  'http.error.after-start': BUFFERED,
  'http.error.length-short': BUFFERED,
  'http.error.length-long': BUFFERED,
  'http.disconnect.mid-response': NO_DISCONNECT,
  'http.disconnect.send-raises': NO_DISCONNECT,
  ...Object.fromEntries(WS_CASES.map((id) => [id, WEBSOCKET])),
};

const MAPS_ONLY = 'only parameter maps reach the function, so interleaved repeated keys and bare keys cannot be restored; the query is rebuilt, correctly encoded, key by key';

/** What each source cannot do on top of the common list. */
export const SOURCE_UNSUPPORTED: Record<DriverSource, NonNullable<Driver['unsupported']>> = {
  'api-gateway-v1': { 'http.query.raw': `REST APIs: ${MAPS_ONLY}` },
  'api-gateway-v2': {
    'http.path.percent-encoded': 'HTTP APIs deliver rawPath percent-decoded, so the exact escapes the client sent (%21) cannot be recovered',
    'http.path.encoded-slash': 'HTTP APIs deliver rawPath percent-decoded, so %2F arrives as / and cannot be told apart',
    'http.headers.repeated': 'payload format 2.0 joins repeated request headers with commas before the function sees them',
  },
  'function-url': { 'http.headers.repeated': 'Function URLs join repeated request headers with commas before the function sees them' },
  'alb-single-value': {
    'http.query.raw': `ALB: ${MAPS_ONLY}`,
    'http.headers.repeated': 'ALB single-value mode passes only the last value of a repeated header',
    'http.response.headers': 'ALB single-value mode carries one Set-Cookie per response (the others are logged); enable multi-value headers',
  },
  'alb-multi-value': { 'http.query.raw': `ALB: ${MAPS_ONLY}` },
};

/** The conformance driver for one event source. */
export function lambdaDriver(source: DriverSource): Driver {
  return {
    name: `aws-lambda ${source}`,
    async start(app, { interface: kind }) {
      // The driver is the host: app errors it logs are part of the cases, not test failures.
      const lambda = handler(app, { interface: kind, log: () => undefined });
      await lambda.startup();
      return {
        async request(req) {
          const queryAt = req.target.indexOf('?');
          const parts: Parts = {
            method: req.method,
            path: queryAt < 0 ? req.target : req.target.slice(0, queryAt),
            query: queryAt < 0 ? '' : req.target.slice(queryAt + 1),
            headers: [...(req.headers ?? [])],
            body: await collect(req.body),
          };
          if (!parts.headers.some(([name]) => name.toLowerCase() === 'host')) parts.headers.unshift(['Host', 'conformance.example']);
          try {
            return toResponse(await lambda(EVENTS[source](parts), lambdaContext()));
          } catch (error) {
            if (!isResponseAbortedError(error)) throw error;
            // What API Gateway answers for a failed invocation.
            return { status: 502, headers: [['content-type', 'application/json']], body: new TextEncoder().encode('{"message":"Internal server error"}') };
          }
        },
        stop: () => lambda.shutdown(),
      };
    },
    unsupported: { ...COMMON_UNSUPPORTED, ...SOURCE_UNSUPPORTED[source] },
  };
}
