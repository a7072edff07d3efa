import { runHttp, createScope, type AsyncApp } from '@tsgi/async';
import { describe, expect, it } from 'vitest';
import { HttpExchange } from './http-exchange.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const quiet = (): void => undefined;

/** A Request whose signal reads are counted, aborted through `controller`. */
function watchedRequest(init?: RequestInit): { request: Request; controller: AbortController; reads: () => number } {
  const controller = new AbortController();
  const request = new Request('http://a.test/', init);
  let reads = 0;
  Object.defineProperty(request, 'signal', {
    get: () => {
      reads += 1;
      return controller.signal;
    },
  });
  return { request, controller, reads: () => reads };
}

async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await Promise.resolve();
}

const hello: AsyncApp = async (scope, _receive, send) => {
  if (scope.type !== 'http') return;
  await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain'], ['content-length', '5']] });
  await send({ type: 'http.response.body', body: text('hello') });
};

describe('HttpExchange', () => {
  it('answers a body sent in one event with its bytes and never reads request.signal', async () => {
    const { request, reads } = watchedRequest();
    const exchange = new HttpExchange(request, quiet, undefined);
    await runHttp(hello, createScope({ method: 'GET', target: '/', headers: [] }), exchange);
    const response = await exchange.response;
    await turns(64);
    expect([response.headers.get('content-length'), await response.text(), reads()]).toEqual(['5', 'hello', 0]);
  });

  it('listens to request.signal once the app takes longer, and tells runHttp the client left', async () => {
    const { request, controller, reads } = watchedRequest();
    const exchange = new HttpExchange(request, quiet, undefined);
    let left = false;
    void exchange.closed.then(() => (left = true));
    await turns(64);
    expect(reads()).toBe(1);
    controller.abort();
    await exchange.closed;
    expect(left).toBe(true);
  });

  it('listens for each long exchange among many begun together, and never for those that ended', async () => {
    const short = Array.from({ length: 5 }, () => watchedRequest());
    const long = Array.from({ length: 3 }, () => watchedRequest());
    const exchanges = [...short, ...long].map(({ request }) => new HttpExchange(request, quiet, undefined));
    await Promise.all(exchanges.slice(0, 5).map((exchange) => runHttp(hello, createScope({ method: 'GET', target: '/', headers: [] }), exchange)));
    await turns(64);
    expect([short.map(({ reads }) => reads()), long.map(({ reads }) => reads())]).toEqual([[0, 0, 0, 0, 0], [1, 1, 1]]);
    long[1]?.controller.abort();
    await exchanges[6]?.closed;
    // An exchange begun after the others finished waiting is counted afresh.
    const late = watchedRequest();
    void new HttpExchange(late.request, quiet, undefined);
    await turns(8);
    expect(late.reads()).toBe(0);
    await turns(64);
    expect(late.reads()).toBe(1);
  });

  it('sees a client that left before the exchange started listening', async () => {
    const { request, controller } = watchedRequest();
    const exchange = new HttpExchange(request, quiet, undefined);
    controller.abort();
    await expect(Promise.race([exchange.closed.then(() => 'closed'), turns(64).then(() => 'open')])).resolves.toBe('closed');
  });

  it("leaves the app's Content-Length to a runtime that frames a whole body itself", async () => {
    const exchange = new HttpExchange(new Request('http://a.test/'), quiet, undefined, { framesWholeBody: true });
    await runHttp(hello, createScope({ method: 'GET', target: '/', headers: [] }), exchange);
    const response = await exchange.response;
    expect([response.headers.get('content-length'), response.headers.get('content-type'), await response.text()]).toEqual([null, 'text/plain', 'hello']);
  });

  it('keeps Content-Length on a HEAD response, which has no body to frame', async () => {
    const exchange = new HttpExchange(new Request('http://a.test/', { method: 'HEAD' }), quiet, undefined, { framesWholeBody: true });
    await runHttp(hello, createScope({ method: 'HEAD', target: '/', headers: [] }), exchange);
    const response = await exchange.response;
    expect([response.headers.get('content-length'), response.body]).toEqual(['5', null]);
  });

  it('sends a short ASCII body as text, and keeps other bodies as bytes', async () => {
    const reply = (body: Uint8Array, headers: Array<[string, string]>): AsyncApp => async (_scope, _receive, send) => {
      await send({ type: 'http.response.start', status: 200, headers });
      await send({ type: 'http.response.body', body });
    };
    const answer = async (app: AsyncApp): Promise<Uint8Array> => {
      const exchange = new HttpExchange(new Request('http://a.test/'), quiet, undefined, { textBody: true });
      await runHttp(app, createScope({ method: 'GET', target: '/', headers: [] }), exchange);
      return new Uint8Array(await (await exchange.response).arrayBuffer());
    };
    const binary = new Uint8Array([0x00, 0xff, 0x80, 0x41]);
    expect(await answer(reply(text('{"a":1}'), [['content-type', 'application/json']]))).toEqual(text('{"a":1}'));
    expect(await answer(reply(binary, [['content-type', 'application/octet-stream']]))).toEqual(binary);
    // Without the app's Content-Type a text body would gain one: the bytes stay bytes.
    const exchange = new HttpExchange(new Request('http://a.test/'), quiet, undefined, { textBody: true });
    await runHttp(reply(text('plain'), []), createScope({ method: 'GET', target: '/', headers: [] }), exchange);
    expect((await exchange.response).headers.get('content-type')).toBeNull();
  });
});
