// The function the runtime-interface-client tests deploy: bundled with esbuild (via tsup) into one
// .mjs, then loaded by aws-lambda-ric exactly as Lambda's Node.js runtime loads a handler module.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { handler } from '../../src/index.js';

const encoder = new TextEncoder();
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
const COOKIES = ['session=abc; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly', 'theme=dark; Path=/'];

const app: AsyncApp = async (scope, receive, send) => {
  if (scope.type === 'lifespan') {
    for (;;) {
      const event = await receive();
      if (event.type === 'lifespan.startup') {
        console.log('tsgi-test: lifespan startup');
        scope.state!.invocations = { count: 0 };
        await send({ type: 'lifespan.startup.complete' });
      } else if (event.type === 'lifespan.shutdown') {
        console.log('tsgi-test: lifespan shutdown');
        await send({ type: 'lifespan.shutdown.complete' });
        return;
      }
    }
  }
  if (scope.type !== 'http') return;
  const counter = scope.state?.invocations as { count: number };
  counter.count += 1;
  if (scope.path === '/png') {
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'image/png'], ...COOKIES.map((c): [string, string] => ['set-cookie', c])] });
    await send({ type: 'http.response.body', body: PNG });
    return;
  }
  if (scope.path === '/empty') {
    await send({ type: 'http.response.start', status: 204, headers: [['x-empty', 'yes']] });
    await send({ type: 'http.response.body' });
    return;
  }
  if (scope.path === '/gated') {
    // The second chunk waits until the test's server has received the first: only a streamed
    // response can get past this point.
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain']] });
    await send({ type: 'http.response.body', body: encoder.encode('first;'), moreBody: true });
    const gate = await fetch(`http://${process.env.AWS_LAMBDA_RUNTIME_API}/test/gate`);
    await send({ type: 'http.response.body', body: encoder.encode(`second:${await gate.text()}`) });
    return;
  }
  if (scope.path === '/sse') {
    // The empty first event must put the prelude on the wire: the gate opens only once bytes arrived.
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/event-stream']] });
    await send({ type: 'http.response.body', body: new Uint8Array(0), moreBody: true });
    const gate = await fetch(`http://${process.env.AWS_LAMBDA_RUNTIME_API}/test/gate`);
    await send({ type: 'http.response.body', body: encoder.encode(`data: ${await gate.text()}\n\n`) });
    return;
  }
  if (scope.path === '/big') {
    // 4 MiB in 16 KiB pieces: far past the response stream's buffer, so writes wait for 'drain'.
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'application/octet-stream']] });
    for (let i = 0; i < 256; i++) await send({ type: 'http.response.body', body: new Uint8Array(16384).fill(i), moreBody: true });
    await send({ type: 'http.response.body' });
    return;
  }
  if (scope.path === '/fail-midway') {
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain']] });
    await send({ type: 'http.response.body', body: encoder.encode('partial'), moreBody: true });
    throw new Error('failed midway');
  }
  const lambda = scope.extensions?.['aws.lambda'] as { context: { awsRequestId: string; functionName: string } };
  const body = JSON.stringify({
    path: scope.path,
    rootPath: scope.rootPath,
    queryString: scope.queryString,
    invocations: counter.count,
    requestId: lambda.context.awsRequestId,
    functionName: lambda.context.functionName,
  });
  await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'application/json']] });
  await send({ type: 'http.response.body', body: encoder.encode(body) });
};

const syncApp: SyncApp = (environ, startResponse) => {
  const context = environ['tsgi.lambda.context'] as { awsRequestId: string };
  startResponse('200 OK', [['Content-Type', 'text/plain'], ...COOKIES.map((c): [string, string] => ['Set-Cookie', c])]);
  return [encoder.encode(`sync ${environ.SCRIPT_NAME} ${environ.PATH_INFO} ${context.awsRequestId}`)];
};

export const buffered = handler(app);
export const bufferedSync = handler(syncApp);
export const streamed = handler(app, { streaming: true });
