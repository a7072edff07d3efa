import type { AsyncApp, Receive, Scope, Send } from '@tsgi/async';
import { type LambdaHandler, type LambdaHttpResult, type LambdaLogFn, MESSAGES, handler } from '../src/index.js';
import type { SyncApp } from '@tsgi/sync';
import { describe, expect, it, vi } from 'vitest';
import { type Seen, asyncEcho, asyncRespond, syncEcho, syncRespond } from './support/apps.js';
import { SAMPLES, fixture, lambdaContext } from './support/events.js';
import { readResult, values } from './support/results.js';

const INTERFACES = [
  ['async', asyncEcho],
  ['sync', syncEcho],
] as const;

async function seen(app: AsyncApp | SyncApp, event: unknown, options = {}): Promise<Seen> {
  const response = readResult(await handler(app, options)(event, lambdaContext()));
  expect(response.status).toBe(200);
  return JSON.parse(response.text) as Seen;
}

function recorder(): { log: LambdaLogFn; lines: Array<{ level: string; message: string; requestId: string | undefined }> } {
  const lines: Array<{ level: string; message: string; requestId: string | undefined }> = [];
  return {
    lines,
    log: (level, message, { requestId }) => {
      if (level === 'warn' || level === 'error') lines.push({ level, message, requestId });
    },
  };
}

describe.each(INTERFACES)('handler with a %s app', (_name, app) => {
  it.each(Object.entries(SAMPLES))('serves the %s sample event', async (_source, file) => {
    const event = fixture(file);
    const result = await seen(app, event);
    expect(result.path).toBe('/pets/dog');
    expect(result.lambdaEvent).toBe(true);
    expect(result.requestId).toMatch(/^00000000-/);
  });

  it('strips the REST API stage into rootPath and keeps %2F in the raw URI', async () => {
    const result = await seen(app, fixture('edge/api-gateway-v1-stage-encoded'));
    expect(result).toMatchObject({
      rootPath: '/prod',
      path: '/files/a/b/café',
      rawUri: '/prod/files/a%2Fb/caf%C3%A9?q=a%20b&q=c%26d%3De&q=%C3%A9&flag=',
      queryString: 'q=a%20b&q=c%26d%3De&q=%C3%A9&flag=',
    });
    expect(new URLSearchParams(result.queryString).getAll('q')).toEqual(['a b', 'c&d=e', 'é']);
  });

  it('strips a custom domain mapping and hands over the binary body byte for byte', async () => {
    const result = await seen(app, fixture('edge/api-gateway-v1-custom-domain'));
    expect(result).toMatchObject({ rootPath: '/shop/v1', path: '/items/42', method: 'POST' });
    expect(Buffer.from(result.bodyBase64, 'base64')).toEqual(Buffer.from([0x00, 0xff, 0x10, 0x80, 1, 2, 3, 4]));
    expect(values(result.headers, 'content-length')).toEqual(['8']);
  });

  // Found by an outside check: on a custom domain, REST APIs keep the API mapping in `path` as well as
  // in requestContext.path; only `resource` and `pathParameters` show where the route starts.
  it.each([
    ['a greedy proxy', '/{proxy+}', { proxy: 'items/42' }, '/shop/v1/items/42', '/shop/v1', '/items/42'],
    ['a greedy proxy holding a decoded %2F', '/{proxy+}', { proxy: 'a/b' }, '/shop/v1/a%2Fb', '/shop/v1', '/a/b'],
    ['literal and parameter segments', '/items/{id}', { id: '42' }, '/shop/v1/items/42', '/shop/v1', '/items/42'],
    ['a literal prefix before a greedy proxy', '/files/{proxy+}', { proxy: 'x/y' }, '/shop/files/x/y', '/shop', '/files/x/y'],
    ['the root resource', '/', null, '/shop/v1', '/shop/v1', ''],
    ['the (none) mapping', '/items/{id}', { id: '42' }, '/items/42', '', '/items/42'],
    ['a resource the path does not end with', '/items/{id}', { id: '42' }, '/shop/v1/things/42', '', '/shop/v1/things/42'],
  ])('moves a custom domain API mapping into rootPath, found from %s', async (_what, resource, pathParameters, path, rootPath, route) => {
    const event = fixture('edge/api-gateway-v1-custom-domain');
    Object.assign(event, { resource, pathParameters, path });
    Object.assign(event.requestContext, { resourcePath: resource, path });
    const result = await seen(app, event);
    expect({ rootPath: result.rootPath, path: result.path, rawUri: result.rawUri }).toEqual({ rootPath, path: route, rawUri: path });
  });

  it('keeps a custom domain API mapping in the path with stripStage: false', async () => {
    const result = await seen(app, fixture('edge/api-gateway-v1-custom-domain'), { stripStage: false });
    expect(result).toMatchObject({ rootPath: '', path: '/shop/v1/items/42' });
  });

  it('strips the HTTP API named stage and re-encodes the decoded path', async () => {
    const result = await seen(app, fixture('edge/api-gateway-v2-named-stage'));
    expect(result).toMatchObject({ rootPath: '/prod', path: '/files/a b/café', rawUri: '/prod/files/a%20b/caf%C3%A9?q=a%20b&q=c%26d&q=%C3%A9' });
    expect(values(result.headers, 'cookie')).toEqual(['session=abc123; theme=dark']);
  });

  it('strips a configured base path into rootPath', async () => {
    const event = fixture('function-url');
    event.rawPath = '/api/pets/dog';
    const result = await seen(app, event, { basePath: '/api' });
    expect(result).toMatchObject({ rootPath: '/api', path: '/pets/dog' });
  });

  it('gives an empty request no body and no Content-Length', async () => {
    const result = await seen(app, fixture('edge/function-url-encoded-empty'));
    expect(result.bodyBase64).toBe('');
    expect(values(result.headers, 'content-length')).toEqual([]);
    expect(result.rawUri).toBe('/files/a%2Fb?x=1&x=2&y=%2F');
  });
});

const COOKIES = ['session=abc; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly', 'theme=dark; Path=/', 'seen=1; Max-Age=60'];
const cookieApps = [
  ['async', asyncRespond(200, [['content-type', 'text/plain'], ...COOKIES.map((c): [string, string] => ['set-cookie', c])], 'ok')],
  ['sync', syncRespond('200 OK', [['Content-Type', 'text/plain'], ...COOKIES.map((c): [string, string] => ['Set-Cookie', c])], 'ok')],
] as const;

describe.each(cookieApps)('cookies from a %s app', (_name, app) => {
  it.each(['api-gateway-v1', 'api-gateway-v2', 'alb-multi-value', 'function-url'])('reach %s each whole, never comma-joined', async (file) => {
    const response = readResult(await handler(app)(fixture(file), lambdaContext()));
    expect(values(response.headers, 'set-cookie')).toEqual(COOKIES);
  });

  it('reach ALB single-value mode one only, with the others logged by name', async () => {
    const { log, lines } = recorder();
    const context = lambdaContext();
    const response = readResult(await handler(app, { log })(fixture('alb-single-value'), context));
    expect(values(response.headers, 'set-cookie')).toEqual([COOKIES[0]]);
    expect(lines).toEqual([{ level: 'warn', message: MESSAGES.albSingleValueCookies('session', ['theme', 'seen']), requestId: context.awsRequestId }]);
  });
});

describe('response bodies', () => {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

  it.each(Object.entries(SAMPLES))('send a PNG to %s base64-encoded, byte for byte', async (_source, file) => {
    const result = await handler(asyncRespond(200, [['content-type', 'image/png']], png))(fixture(file), lambdaContext());
    expect(result.isBase64Encoded).toBe(true);
    expect(readResult(result).body).toEqual(png);
  });

  it('send gzip-encoded text base64-encoded', async () => {
    const { gzipSync } = await import('node:zlib');
    const zipped = gzipSync('hello');
    const result = await handler(syncRespond('200 OK', [['Content-Type', 'text/html'], ['Content-Encoding', 'gzip']], zipped))(fixture('api-gateway-v2'), lambdaContext());
    expect(result.isBase64Encoded).toBe(true);
    expect(readResult(result).body).toEqual(zipped);
  });

  it('send UTF-8 text as text', async () => {
    const result = await handler(asyncRespond(200, [['content-type', 'text/plain; charset=utf-8']], 'café ☕'))(fixture('api-gateway-v2'), lambdaContext());
    expect(result).toMatchObject({ isBase64Encoded: false, body: 'café ☕' });
  });

  it('follow the isBinary hook', async () => {
    const app = asyncRespond(200, [['content-type', 'application/json']], '{}');
    const result = await handler(app, { isBinary: () => true })(fixture('api-gateway-v2'), lambdaContext());
    expect(result).toMatchObject({ isBase64Encoded: true, body: Buffer.from('{}').toString('base64') });
  });

  // Found by an outside check: codes registered outside RFC 9110 (WebDAV, RFC 6585's 511, RFC 8470's
  // 425) reached the ALB as a bare number.
  it.each([
    [207, '207 Multi-Status'],
    [423, '423 Locked'],
    [425, '425 Too Early'],
    [511, '511 Network Authentication Required'],
    [299, '299'],
  ])('carry ALB the registered reason phrase of %i', async (status, description) => {
    const result = await handler(asyncRespond(status, [], ''))(fixture('alb-single-value'), lambdaContext());
    expect(result).toMatchObject({ statusCode: status, statusDescription: description });
  });

  // Found by an outside check: an async app's framing fields reached API Gateway and the ALB, which
  // frame the response themselves (async §3.4 rule 4; sync apps are refused them, sync §5.4).
  it.each(Object.entries(SAMPLES))('leave out an async app\'s connection-specific fields on %s', async (_source, file) => {
    const framing: Array<[string, string]> = [['Connection', 'keep-alive, X-Hop'], ['x-hop', '1'], ['transfer-encoding', 'chunked'], ['keep-alive', 'timeout=5'], ['upgrade', 'h2c'], ['proxy-connection', 'close']];
    const result = await handler(asyncRespond(200, [['content-type', 'text/plain'], ...framing], 'x'))(fixture(file), lambdaContext());
    const response = readResult(result);
    expect(response.headers.map(([name]) => name.toLowerCase()).sort()).toEqual(['content-type']);
    expect(response.text).toBe('x');
  });

  it('carry ALB its status description', async () => {
    const result = await handler(asyncRespond(404, [], ''))(fixture('alb-multi-value'), lambdaContext());
    expect(result).toMatchObject({ statusCode: 404, statusDescription: '404 Not Found' });
  });
});

describe('raw targets', () => {
  it('hands a v2 rawQueryString with [ ] { } | to the app exactly as AWS delivered it', async () => {
    const event = fixture('api-gateway-v2');
    event.rawQueryString = 'a[]=1&b={x}|y&c=%20d+e';
    const result = await seen(asyncEcho, event);
    expect(result.queryString).toBe('a[]=1&b={x}|y&c=%20d+e');
  });

  it('hands a Function URL rawPath with [ ] to the app exactly as AWS delivered it', async () => {
    const event = fixture('function-url');
    event.rawPath = '/a[1]/b%2Fc';
    const result = await seen(asyncEcho, event);
    expect([result.rawUri, result.path]).toEqual([`/a[1]/b%2Fc?${event.rawQueryString}`, '/a[1]/b/c']);
  });
});

describe('host', () => {
  it.each([['function-url'], ['api-gateway-v2']])('takes the host from requestContext.domainName when a %s event has no host header', async (file) => {
    const event = fixture(file);
    for (const name of Object.keys(event.headers)) if (name.toLowerCase() === 'host') delete event.headers[name];
    const domain = event.requestContext.domainName as string;
    const [asyncSeen, syncSeen] = [await seen(asyncEcho, event), await seen(syncEcho, event)];
    expect(asyncSeen.headers.filter(([name]) => name === 'host')).toEqual([['host', domain]]);
    expect(syncSeen.headers.filter(([name]) => name === 'host')).toEqual([['host', domain]]);
  });
});

describe('errors', () => {
  it('reject an unknown event with an error naming the keys seen, and log it', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const context = lambdaContext();
    const invoke = handler(asyncEcho)({ Records: [], detail: {} }, context);
    await expect(invoke).rejects.toMatchObject({ name: 'UnknownEventError', keys: ['Records', 'detail'], message: MESSAGES.unknownEvent(['Records', 'detail']) });
    expect(String(errors.mock.calls[0]?.[0])).toContain(`requestId=${context.awsRequestId}`);
  });

  it('answer a malformed event of a known source with that source’s 500 shape, and log why', async () => {
    const { log, lines } = recorder();
    const event = fixture('api-gateway-v2');
    delete event.rawPath;
    const result = await handler(asyncEcho, { log })(event, lambdaContext());
    expect(result).toMatchObject({ statusCode: 500, isBase64Encoded: false });
    expect(lines[0]?.message).toBe(MESSAGES.malformedEvent('api-gateway-v2', 'rawPath', Object.keys(event)));
  });

  // Each row: a source's fixture, a field set to a value of the wrong type, and the key the error names.
  const BAD_FIELDS: Array<[file: string, source: string, set: (event: Record<string, any>) => void, key: string]> = [
    ['api-gateway-v2', 'api-gateway-v2', (e) => (e.headers.x = 5), 'headers'],
    ['api-gateway-v2', 'api-gateway-v2', (e) => (e.headers = 'x'), 'headers'],
    ['api-gateway-v2', 'api-gateway-v2', (e) => (e.body = { a: 1 }), 'body'],
    ['api-gateway-v2', 'api-gateway-v2', (e) => (e.body = 42), 'body'],
    ['api-gateway-v2', 'api-gateway-v2', (e) => (e.isBase64Encoded = 'yes'), 'isBase64Encoded'],
    ['api-gateway-v2', 'api-gateway-v2', (e) => (e.cookies = 'a=1'), 'cookies'],
    ['api-gateway-v2', 'api-gateway-v2', (e) => (e.rawQueryString = 7), 'rawQueryString'],
    ['api-gateway-v2', 'api-gateway-v2', (e) => delete e.requestContext, 'requestContext'],
    ['api-gateway-v2', 'api-gateway-v2', (e) => (e.requestContext.http = 'GET'), 'requestContext.http'],
    ['api-gateway-v2', 'api-gateway-v2', (e) => (e.requestContext.http.sourceIp = 1), 'requestContext.http.sourceIp'],
    ['function-url', 'function-url', (e) => (e.headers = ['a']), 'headers'],
    ['api-gateway-v1', 'api-gateway-v1', (e) => (e.multiValueHeaders = { 'X-A': 'abc' }), 'multiValueHeaders'],
    ['api-gateway-v1', 'api-gateway-v1', (e) => (e.headers = 'x'), 'headers'],
    ['api-gateway-v1', 'api-gateway-v1', (e) => (e.multiValueQueryStringParameters = { q: 'abc' }), 'multiValueQueryStringParameters'],
    ['api-gateway-v1', 'api-gateway-v1', (e) => (e.queryStringParameters = { q: ['a'] }), 'queryStringParameters'],
    ['api-gateway-v1', 'api-gateway-v1', (e) => (e.requestContext.identity = 'me'), 'requestContext.identity'],
    ['api-gateway-v1', 'api-gateway-v1', (e) => (e.requestContext.path = 3), 'requestContext.path'],
    ['alb-multi-value', 'alb', (e) => (e.multiValueHeaders.host = [1]), 'multiValueHeaders'],
    ['alb-single-value', 'alb', (e) => (e.requestContext.elb = null), 'requestContext.elb'],
    ['alb-single-value', 'alb', (e) => (e.body = true), 'body'],
  ];

  it.each(BAD_FIELDS)('answer a %s event whose field has the wrong type with 500, naming it (%#)', async (file, source, set, key) => {
    const { log, lines } = recorder();
    const event = fixture(file);
    set(event);
    const result = await handler(asyncEcho, { log })(event, lambdaContext());
    expect(result).toMatchObject({ statusCode: 500 });
    expect(lines.map((line) => line.message)).toEqual([MESSAGES.malformedEvent(source, key, Object.keys(event))]);
  });

  it('answer a body that is not base64 with 500, naming the field', async () => {
    const { log, lines } = recorder();
    const event = { ...fixture('alb-multi-value'), body: '***', isBase64Encoded: true };
    const result = await handler(asyncEcho, { log })(event, lambdaContext());
    expect(result).toMatchObject({ statusCode: 500, statusDescription: '500 Internal Server Error' });
    expect(lines[0]?.message).toContain("alb event has no valid 'body'");
  });

  // Found by an outside check: plain text flagged base64 reached the app as a few garbage bytes.
  it.each([
    ['api-gateway-v1', 'api-gateway-v1', 'hello'],
    ['api-gateway-v2', 'api-gateway-v2', 'aGk=garbage'],
    ['function-url', 'function-url', '{"a": 1}'],
  ])('answer a %s body that is plain text flagged base64 with 500, never garbage bytes', async (file, source, body) => {
    const { log, lines } = recorder();
    const event = { ...fixture(file), body, isBase64Encoded: true };
    const result = await handler(asyncEcho, { log })(event, lambdaContext());
    expect(result).toMatchObject({ statusCode: 500 });
    expect(lines.map((line) => line.message)).toEqual([MESSAGES.malformedEvent(source, 'body', Object.keys(event))]);
  });

  const raiseAsync: AsyncApp = (scope) => (scope.type === 'http' ? Promise.reject(new Error('boom')) : Promise.resolve());
  const raiseSync: SyncApp = () => {
    throw new Error('boom');
  };
  it.each([
    ['async', raiseAsync],
    ['sync', raiseSync],
  ] as const)('answer 500 when the %s app raises before its response, logging with the request id', async (kind, app) => {
    const { log, lines } = recorder();
    const context = lambdaContext();
    const result = await handler(app, { log, interface: kind })(fixture('api-gateway-v1'), context);
    expect(readResult(result)).toMatchObject({ status: 500, text: 'Internal Server Error' });
    expect(lines.some((line) => line.level === 'error' && line.requestId === context.awsRequestId)).toBe(true);
  });

  it('fail the invocation when the app raises after its response started, rather than send half a body', async () => {
    const { log } = recorder();
    const app: AsyncApp = async (scope, _receive, send) => {
      if (scope.type !== 'http') return;
      await send({ type: 'http.response.start', status: 200, headers: [] });
      await send({ type: 'http.response.body', body: new Uint8Array([1]), moreBody: true });
      throw new Error('half way');
    };
    await expect(handler(app, { log })(fixture('api-gateway-v2'), lambdaContext())).rejects.toMatchObject({ name: 'ResponseAbortedError' });
  });

  it('serve an async function declaring two parameters as an async app, not a sync one', async () => {
    const { log, lines } = recorder();
    // An async app that takes `send` from `arguments` declares only (scope, receive).
    const app = async function (this: unknown, scope: Scope, _receive: Receive) {
      // eslint-disable-next-line prefer-rest-params -- the point is the declared arity
      const send = arguments[2] as Send;
      if (scope.type !== 'http') return;
      await send({ type: 'http.response.start', status: 200 });
      await send({ type: 'http.response.body', body: new TextEncoder().encode('async') });
    };
    const result = readResult(await handler(app as AsyncApp, { log, lifespan: 'off' })(fixture('api-gateway-v2'), lambdaContext()));
    expect([result.status, result.text, lines]).toEqual([200, 'async', []]);
  });

  it('refuse an unknown interface at once', () => {
    expect(() => handler(asyncEcho, { interface: 'threads' as never })).toThrowError(MESSAGES.badInterface('threads'));
  });

  it('refuse a base path holding a query or fragment at once', () => {
    expect(() => handler(asyncEcho, { basePath: '/api?x' })).toThrowError(expect.objectContaining({ name: 'LambdaOptionsError', option: 'basePath' }));
  });

  it('refuse something that is not an app at once', () => {
    expect(() => handler({} as never)).toThrowError(expect.objectContaining({ name: 'LambdaOptionsError', option: 'app' }));
  });
});

describe('lifespan', () => {
  function lifespanApp(calls: string[], fail = false): AsyncApp {
    return async (scope, receive, send) => {
      if (scope.type === 'lifespan') {
        for (;;) {
          const event = await receive();
          calls.push(event.type);
          if (event.type === 'lifespan.startup') {
            if (fail) {
              await send({ type: 'lifespan.startup.failed', message: 'no database' });
              return;
            }
            scope.state!.db = { queries: 0 };
            await send({ type: 'lifespan.startup.complete' });
          } else {
            await send({ type: 'lifespan.shutdown.complete' });
            return;
          }
        }
      }
      if (scope.type !== 'http') return;
      const db = scope.state?.db as { queries: number };
      db.queries += 1;
      await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain']] });
      await send({ type: 'http.response.body', body: new TextEncoder().encode(String(db.queries)) });
    };
  }

  it('starts once per cold start and keeps state across invocations', async () => {
    const calls: string[] = [];
    const lambda = handler(lifespanApp(calls));
    const first = await lambda(fixture('function-url'), lambdaContext());
    const second = await lambda(fixture('api-gateway-v1'), lambdaContext());
    expect([first.body, second.body]).toEqual(['1', '2']);
    expect(calls).toEqual(['lifespan.startup']);
    await lambda.shutdown();
    expect(calls).toEqual(['lifespan.startup', 'lifespan.shutdown']);
  });

  it('answers 500 and logs when startup fails', async () => {
    const { log, lines } = recorder();
    const lambda = handler(lifespanApp([], true), { log });
    const result = await lambda(fixture('alb-multi-value'), lambdaContext());
    expect(result.statusCode).toBe(500);
    expect(lines.some((line) => line.level === 'error' && line.message.includes('startup failed'))).toBe(true);
  });

  it('never starts lifespan when it is off', async () => {
    const calls: string[] = [];
    const lambda = handler(lifespanApp(calls), { lifespan: 'off', log: recorder().log });
    await expect(lambda(fixture('function-url'), lambdaContext())).resolves.toMatchObject({ statusCode: 500 });
    expect(calls).toEqual([]);
  });
});

describe('streaming outside a Lambda runtime', () => {
  it('buffers, and says so once', async () => {
    const { log, lines } = recorder();
    const lambda = handler(asyncEcho, { streaming: true, log }) as LambdaHandler;
    const result: LambdaHttpResult = await lambda(fixture('function-url'), lambdaContext());
    expect(result.statusCode).toBe(200);
    expect(lines).toEqual([{ level: 'warn', message: MESSAGES.streamingUnavailable, requestId: undefined }]);
  });
});
