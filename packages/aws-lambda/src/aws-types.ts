// Minimal local declarations of the AWS shapes this package reads and writes. Deliberately not
// @types/aws-lambda: platform @types in published .d.ts break consumers' builds (STYLE.md, srvx).
// Field names follow the AWS Lambda developer guide's sample events; see test/fixtures/README.md.

/** A string map as AWS sends it: absent, null, or names to values. */
export type StringMap = Record<string, string | undefined> | null | undefined;
/** A multi-value map as AWS sends it: names to every value, in order. */
export type MultiValueMap = Record<string, string[] | undefined> | null | undefined;

/**
 * The Lambda context object: the fields tsgi reads, plus whatever else the runtime attaches.
 *
 * @example
 * { awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef', functionName: 'app', getRemainingTimeInMillis: () => 2900 }
 */
export interface LambdaContext {
  awsRequestId: string;
  functionName?: string;
  functionVersion?: string;
  invokedFunctionArn?: string;
  memoryLimitInMB?: string;
  logGroupName?: string;
  logStreamName?: string;
  callbackWaitsForEmptyEventLoop?: boolean;
  getRemainingTimeInMillis?(): number;
  [key: string]: unknown;
}

/** API Gateway REST API proxy event (payload format 1.0; HTTP APIs may send it too). */
export interface ApiGatewayV1Event {
  version?: '1.0';
  resource?: string;
  /** The path, still percent-encoded: without the stage, but with a custom domain's API mapping key in front. */
  path: string;
  httpMethod: string;
  headers?: StringMap;
  multiValueHeaders?: MultiValueMap;
  /** Decoded by API Gateway: tsgi re-encodes them into QUERY_STRING. */
  queryStringParameters?: StringMap;
  multiValueQueryStringParameters?: MultiValueMap;
  pathParameters?: StringMap;
  stageVariables?: StringMap;
  requestContext: {
    stage?: string;
    /** The full path the client asked for: stage or base path mapping, then `path`. */
    path?: string;
    requestId?: string;
    domainName?: string;
    protocol?: string;
    identity?: { sourceIp?: string; [key: string]: unknown };
    [key: string]: unknown;
  };
  body?: string | null;
  isBase64Encoded?: boolean;
}

/** What a REST API proxy integration accepts back. */
export interface ApiGatewayV1Result {
  statusCode: number;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  body: string;
  isBase64Encoded: boolean;
}

/** API Gateway HTTP API event (payload format 2.0); Lambda Function URLs send the same shape. */
export interface ApiGatewayV2Event {
  version: '2.0';
  routeKey?: string;
  /** Starts with `/<stage>` for a named stage; HTTP APIs deliver it percent-decoded. */
  rawPath: string;
  rawQueryString?: string;
  /** The request's Cookie header, split at `;`. */
  cookies?: string[] | null;
  /** Repeated headers arrive joined with commas. */
  headers?: StringMap;
  queryStringParameters?: StringMap;
  pathParameters?: StringMap;
  stageVariables?: StringMap;
  requestContext: {
    accountId?: string;
    apiId?: string;
    domainName?: string;
    domainPrefix?: string;
    http: { method: string; path?: string; protocol?: string; sourceIp?: string; userAgent?: string };
    requestId?: string;
    routeKey?: string;
    stage?: string;
    time?: string;
    timeEpoch?: number;
    [key: string]: unknown;
  };
  body?: string | null;
  isBase64Encoded?: boolean;
}

/** What an HTTP API (payload 2.0) or a Function URL accepts back. */
export interface ApiGatewayV2Result {
  statusCode: number;
  headers?: Record<string, string>;
  /** Each Set-Cookie value on its own; never comma-joined. */
  cookies?: string[];
  body: string;
  isBase64Encoded: boolean;
}

/** A Lambda Function URL event: the HTTP API 2.0 shape, on a `*.lambda-url.<region>.on.aws` domain. */
export type FunctionUrlEvent = ApiGatewayV2Event;
/** A Function URL's buffered response: the HTTP API 2.0 shape. */
export type FunctionUrlResult = ApiGatewayV2Result;

/** Application Load Balancer target event, in single-value or multi-value header mode. */
export interface AlbEvent {
  requestContext: { elb: { targetGroupArn: string } };
  httpMethod: string;
  /** Still percent-encoded. */
  path: string;
  /** Still percent-encoded, unlike API Gateway's. */
  queryStringParameters?: StringMap;
  multiValueQueryStringParameters?: MultiValueMap;
  headers?: StringMap;
  multiValueHeaders?: MultiValueMap;
  body?: string | null;
  isBase64Encoded?: boolean;
}

/** What an ALB target answers; multi-value mode uses `multiValueHeaders`, single-value mode `headers`. */
export interface AlbResult {
  statusCode: number;
  statusDescription: string;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  body: string;
  isBase64Encoded: boolean;
}

/** Every HTTP event this package translates. */
export type LambdaHttpEvent = ApiGatewayV1Event | ApiGatewayV2Event | AlbEvent;
/** Every buffered response shape this package produces. */
export type LambdaHttpResult = ApiGatewayV1Result | ApiGatewayV2Result | AlbResult;

/** The writable the runtime hands a streaming handler (a Node Writable; only what tsgi uses). */
export interface LambdaResponseStream {
  write(chunk: Uint8Array | string, callback?: (error?: Error | null) => void): boolean;
  end(callback?: () => void): void;
  once(event: 'drain' | 'finish' | 'close', listener: () => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: string, listener: (...args: never[]) => void): unknown;
  destroy?(error?: Error): unknown;
  setContentType?(contentType: string): void;
  readonly writableFinished?: boolean;
  readonly destroyed?: boolean;
}

/** The JSON prelude `awslambda.HttpResponseStream.from` writes before the body. */
export interface HttpResponseStreamPrelude {
  statusCode: number;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  cookies?: string[];
}

/** A handler the runtime calls with a response stream (the `awslambda.streamifyResponse` shape). */
export type StreamingLambdaHandler = (
  event: unknown,
  responseStream: LambdaResponseStream,
  context: LambdaContext,
) => Promise<void>;

/** The `awslambda` global the Node.js runtime (and aws-lambda-ric) installs before loading the handler. */
export interface AwsLambdaGlobal {
  streamifyResponse(handler: StreamingLambdaHandler, options?: { highWaterMark?: number }): StreamingLambdaHandler;
  HttpResponseStream: {
    from(stream: LambdaResponseStream, prelude: HttpResponseStreamPrelude): LambdaResponseStream;
  };
}
