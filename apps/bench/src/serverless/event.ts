// The API Gateway HTTP API (payload format 2.0) events every Lambda contender handles: the same object
// for all, shaped like what API Gateway sends for a browser-ish GET.

/** The Lambda context, as the runtime passes it (only what the adapters read). */
export const CONTEXT = {
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  functionName: 'bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:bench',
  memoryLimitInMB: '1024',
  logGroupName: '/aws/lambda/bench',
  logStreamName: '2024/03/12/[$LATEST]0123456789abcdef',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 30_000,
};

/**
 * A GET event for `path` (payload format 2.0).
 *
 * @example
 * apiGatewayV2Get('/users/12345').rawPath; // '/users/12345'
 */
export function apiGatewayV2Get(path: string): Record<string, unknown> {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    cookies: ['session=8f14e45fceea167a5a36dedd4bea2543'],
    headers: {
      accept: 'text/html,application/json;q=0.9,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
      'accept-language': 'en-GB,en;q=0.9',
      host: 'r4nd0m1d.execute-api.eu-west-1.amazonaws.com',
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
      'x-amzn-trace-id': 'Root=1-65f0a1b2-89abcdef0123456789abcdef',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'r4nd0m1d',
      domainName: 'r4nd0m1d.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'r4nd0m1d',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'Mozilla/5.0' },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: '$default',
      stage: '$default',
      time: '12/Mar/2024:10:15:30 +0000',
      timeEpoch: 1710238530000,
    },
    isBase64Encoded: false,
  };
}

/** The groups: one event each, and the body every contender must answer with. */
export const LAMBDA_GROUPS = {
  param: { title: 'GET /users/:id (text)', path: '/users/12345', event: apiGatewayV2Get('/users/12345'), body: 'user 12345' },
  json: { title: 'GET /json', path: '/json', event: apiGatewayV2Get('/json'), body: '{"message":"Hello, World!"}' },
} as const;

/** A group id. */
export type LambdaGroup = keyof typeof LAMBDA_GROUPS;
