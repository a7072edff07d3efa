// The handler under a real Lambda runtime client (aws-lambda-ric), against a Runtime API served here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/index.js';
import { fixture } from './support/events.js';
import { bundleTask, startRuntime, type RuntimeProcess } from './support/lambda-runtime.js';
import { type Outcome, splitPrelude, startRuntimeApi } from './support/runtime-api.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const COOKIES = ['session=abc; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly', 'theme=dark; Path=/'];

let task: Awaited<ReturnType<typeof bundleTask>>;

beforeAll(async () => {
  task = await bundleTask();
}, 60_000);

afterAll(() => task?.remove());

function withPath(name: string, path: string): Record<string, any> {
  const event = fixture(name);
  if ('rawPath' in event) event.rawPath = path;
  else {
    event.path = path;
    if (event.requestContext?.path) event.requestContext.path = `/${event.requestContext.stage}${path}`;
  }
  return event;
}

function json(outcome: Outcome): Record<string, any> {
  if (outcome.kind !== 'response') throw new Error(`invocation failed: ${JSON.stringify(outcome)}`);
  return JSON.parse(outcome.body.toString('utf8')) as Record<string, any>;
}

/** Starts a Runtime API and one runtime process running `handler.<name>` for a describe block. */
function useRuntime(name: string) {
  const state: { api?: Awaited<ReturnType<typeof startRuntimeApi>>; runtime?: RuntimeProcess } = {};
  beforeAll(async () => {
    state.api = await startRuntimeApi();
    state.runtime = startRuntime(task.dir, state.api.address, name);
  });
  afterAll(async () => {
    await state.runtime?.terminate();
    await state.api?.close();
  });
  return {
    invoke: (event: unknown) => state.api!.invoke(event),
    runtime: () => state.runtime!,
  };
}

describe('aws-lambda-ric, buffered async handler', () => {
  const lambda = useRuntime('buffered');

  it('answers a Function URL event with the request id and function name from the runtime', async () => {
    const outcome = await lambda.invoke(fixture('function-url'));
    const result = json(outcome);
    expect(result).toMatchObject({ statusCode: 200, isBase64Encoded: false });
    expect(JSON.parse(result.body as string)).toMatchObject({ path: '/pets/dog', requestId: outcome.id, functionName: 'tsgi-test' });
  });

  it('strips the REST API stage into rootPath', async () => {
    const body = JSON.parse(json(await lambda.invoke(fixture('api-gateway-v1'))).body as string);
    expect(body).toMatchObject({ rootPath: '/staging', path: '/pets/dog', queryString: 'sort=name' });
  });

  it('sends a PNG base64-encoded with both cookies whole to an ALB in multi-value mode', async () => {
    const result = json(await lambda.invoke(withPath('alb-multi-value', '/png')));
    expect(result).toMatchObject({ statusCode: 200, statusDescription: '200 OK', isBase64Encoded: true });
    expect(Buffer.from(result.body as string, 'base64')).toEqual(PNG);
    expect(result.multiValueHeaders['set-cookie']).toEqual(COOKIES);
  });

  it('runs lifespan startup once and keeps its state across invocations', async () => {
    const first = JSON.parse(json(await lambda.invoke(fixture('api-gateway-v2'))).body as string);
    const second = JSON.parse(json(await lambda.invoke(fixture('api-gateway-v2'))).body as string);
    expect(second.invocations).toBe(first.invocations + 1);
    await lambda.runtime().waitForOutput('tsgi-test: lifespan startup');
    expect(lambda.runtime().output().match(/lifespan startup/g)).toHaveLength(1);
  });

  it('reports an unknown event as a failed invocation naming its keys, logged with the request id', async () => {
    const outcome = await lambda.invoke({ Records: [{ eventSource: 'aws:sqs' }] });
    expect(outcome).toMatchObject({ kind: 'error', errorType: 'UnknownEventError' });
    expect(outcome.kind === 'error' && outcome.error.errorMessage).toBe(MESSAGES.unknownEvent(['Records']));
    await lambda.runtime().waitForOutput(`requestId=${outcome.id}`);
  });

  it('fails the invocation when the app breaks after its response started', async () => {
    const outcome = await lambda.invoke(withPath('function-url', '/fail-midway'));
    expect(outcome).toMatchObject({ kind: 'error', errorType: 'ResponseAbortedError' });
  });

  it('runs lifespan shutdown on SIGTERM and then exits', async () => {
    const { signal, code } = await lambda.runtime().terminate();
    expect(lambda.runtime().output()).toContain('tsgi-test: lifespan shutdown');
    expect(signal === 'SIGTERM' || code === 143).toBe(true);
  });
});

describe('aws-lambda-ric, buffered sync handler', () => {
  const lambda = useRuntime('bufferedSync');

  it('serves a sync app with the stage in SCRIPT_NAME and cookies in the cookies array', async () => {
    const outcome = await lambda.invoke(fixture('edge/api-gateway-v2-named-stage'));
    const result = json(outcome);
    expect(result).toMatchObject({ statusCode: 200, body: `sync /prod /files/a b/café ${outcome.id}`, cookies: COOKIES });
  });
});

describe('aws-lambda-ric, streaming handler', () => {
  const lambda = useRuntime('streamed');

  it('streams: the second chunk is produced only after the first reached the Runtime API', async () => {
    const outcome = await lambda.invoke(withPath('function-url', '/gated'));
    expect(outcome).toMatchObject({ kind: 'response', streamed: true, contentType: 'application/vnd.awslambda.http-integration-response' });
    const { prelude, payload } = splitPrelude((outcome as Extract<Outcome, { kind: 'response' }>).body);
    expect(prelude).toEqual({ statusCode: 200, headers: { 'content-type': 'text/plain' } });
    expect(payload.toString('utf8')).toMatch(/^first;second:gate opened after \d+ bytes$/);
  });

  it('sends the prelude at an empty first body event, before the app writes anything (server-sent events)', async () => {
    const outcome = await lambda.invoke(withPath('function-url', '/sse'));
    const { prelude, payload } = splitPrelude((outcome as Extract<Outcome, { kind: 'response' }>).body);
    expect(prelude).toEqual({ statusCode: 200, headers: { 'content-type': 'text/event-stream' } });
    expect(payload.toString('utf8')).toMatch(/^data: gate opened after [1-9]\d* bytes\n\n$/);
  });

  it('streams 4 MiB through the stream’s backpressure, every byte in order', async () => {
    const outcome = await lambda.invoke(withPath('function-url', '/big'));
    const { prelude, payload } = splitPrelude((outcome as Extract<Outcome, { kind: 'response' }>).body);
    expect(prelude).toEqual({ statusCode: 200, headers: { 'content-type': 'application/octet-stream' } });
    expect(payload.length).toBe(256 * 16384);
    for (let i = 0; i < 256; i++) expect(payload[i * 16384 + 16383]).toBe(i);
  });

  it('streams raw binary bytes with cookies in the prelude to a Function URL', async () => {
    const outcome = await lambda.invoke(withPath('function-url', '/png'));
    const { prelude, payload } = splitPrelude((outcome as Extract<Outcome, { kind: 'response' }>).body);
    expect(prelude).toEqual({ statusCode: 200, headers: { 'content-type': 'image/png' }, cookies: COOKIES });
    expect(payload).toEqual(PNG);
  });

  it('streams to a REST API with cookies in multiValueHeaders', async () => {
    const outcome = await lambda.invoke(withPath('api-gateway-v1', '/png'));
    const { prelude, payload } = splitPrelude((outcome as Extract<Outcome, { kind: 'response' }>).body);
    expect(prelude).toEqual({ statusCode: 200, multiValueHeaders: { 'content-type': ['image/png'], 'set-cookie': COOKIES } });
    expect(payload).toEqual(PNG);
  });

  it('still sends the prelude for an empty body', async () => {
    const outcome = await lambda.invoke(withPath('function-url', '/empty'));
    const { prelude, payload } = splitPrelude((outcome as Extract<Outcome, { kind: 'response' }>).body);
    expect(prelude).toEqual({ statusCode: 204, headers: { 'x-empty': 'yes' } });
    expect(payload.length).toBe(0);
  });

  it('writes the ordinary JSON result for an ALB, which cannot stream', async () => {
    const result = json(await lambda.invoke(fixture('alb-single-value')));
    expect(result).toMatchObject({ statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false });
    expect(JSON.parse(result.body as string)).toMatchObject({ path: '/pets/dog' });
  });

  it('reports a failure after the prelude through the runtime’s error trailers', async () => {
    const outcome = await lambda.invoke(withPath('function-url', '/fail-midway'));
    expect(outcome).toMatchObject({ kind: 'error', errorType: 'ResponseAbortedError' });
  });

  it('reports an unknown event as a failed invocation', async () => {
    const outcome = await lambda.invoke({ source: 'aws.events', 'detail-type': 'Scheduled Event' });
    expect(outcome).toMatchObject({ kind: 'error', errorType: 'UnknownEventError' });
  });
});
