// The async probe: an AsyncApp that reports what it received and behaves by path (probe/routes.ts).
import type { AsyncApp, HTTPScope, HeaderList, Receive, Send } from '@tsgi/async';
import { concat, patterned, utf8 } from '../_internal/bytes.js';
import { crc32Update } from '../_internal/crc32.js';
import { asyncReport } from './async-report.js';
import { runProbeLifespan } from './async-lifespan.js';
import { runProbeWebSocket } from './async-websocket.js';
import type { Journal } from './journal.js';
import { PROBE_RAISE_MESSAGE, type ProbeOptions } from './options.js';
import { queryParam } from './report.js';
import { PROBE_HEAD_BODY, PROBE_HEADERS_OUT, PROBE_ROUTES as R, isBodiless } from './routes.js';

interface Call {
  scope: HTTPScope;
  receive: Receive;
  send: Send;
  journal: Journal;
  token: string;
}
type Handler = (call: Call) => Promise<void>;

async function readBody(receive: Receive): Promise<{ bytes: Uint8Array[]; crc: number; length: number }> {
  const bytes: Uint8Array[] = [];
  let crc = 0;
  let length = 0;
  for (;;) {
    const event = await receive();
    if (event.type !== 'http.request') return { bytes, crc, length };
    if (event.body.length > 0) {
      bytes.push(event.body);
      crc = crc32Update(crc, event.body);
      length += event.body.length;
    }
    if (!event.moreBody) return { bytes, crc, length };
  }
}

async function respond(send: Send, status: number, headers: HeaderList, body: Uint8Array): Promise<void> {
  await send({ type: 'http.response.start', status, headers });
  await send({ type: 'http.response.body', body });
}

const report: Handler = async ({ scope, receive, send }) => {
  const body = await readBody(receive);
  const json = utf8(JSON.stringify(asyncReport(scope, { ...body, pieces: body.bytes.length })));
  await respond(send, 200, [['content-type', 'application/json'], ['content-length', String(json.length)]], json);
};

const routes: Record<string, Handler> = {
  [R.echo]: async ({ receive, send }) => {
    const body = concat((await readBody(receive)).bytes);
    await respond(send, 200, [['content-type', 'application/octet-stream'], ['content-length', String(body.length)]], body);
  },
  [R.stream]: async ({ scope, receive, send }) => {
    await readBody(receive);
    const chunks = Number(queryParam(scope.queryString, 'chunks') ?? 4);
    const size = Number(queryParam(scope.queryString, 'size') ?? 1024);
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'application/octet-stream']] });
    for (let i = 0; i < chunks; i++) await send({ type: 'http.response.body', body: patterned(size, i + 1), moreBody: true });
    await send({ type: 'http.response.body', body: new Uint8Array(0), moreBody: false });
  },
  [R.bytes]: async ({ scope, receive, send }) => {
    await readBody(receive);
    const all = patterned(Number(queryParam(scope.queryString, 'n') ?? 0), 7);
    const third = Math.floor(all.length / 3);
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'application/octet-stream'], ['content-length', String(all.length)]] });
    await send({ type: 'http.response.body', body: all.subarray(0, third), moreBody: true });
    await send({ type: 'http.response.body', body: all.subarray(third, 2 * third), moreBody: true });
    await send({ type: 'http.response.body', body: all.subarray(2 * third) });
  },
  [R.head]: async ({ receive, send }) => {
    await readBody(receive);
    // The same answer for GET and HEAD: dropping the body on HEAD is the host's job (RFC 9110 §9.3.2).
    const body = utf8(PROBE_HEAD_BODY);
    await respond(send, 200, [['content-type', 'text/plain'], ['content-length', String(body.length)], ['x-probe-head', '1']], body);
  },
  [R.headersOut]: async ({ receive, send }) => {
    await readBody(receive);
    // async §3.4: response header names are lower-case.
    await respond(send, 200, PROBE_HEADERS_OUT.map(([n, v]): [string, string] => [n.toLowerCase(), v]), utf8('ok'));
  },
  [R.raiseBefore]: async ({ receive }) => {
    await readBody(receive);
    throw new Error(PROBE_RAISE_MESSAGE);
  },
  [R.raiseAfter]: async ({ receive, send }) => {
    await readBody(receive);
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain']] });
    await send({ type: 'http.response.body', body: utf8('partial'), moreBody: true });
    throw new Error(PROBE_RAISE_MESSAGE);
  },
  [R.lengthShort]: async ({ receive, send }) => {
    await readBody(receive);
    await respond(send, 200, [['content-type', 'text/plain'], ['content-length', '10']], utf8('four'));
  },
  [R.lengthLong]: async ({ receive, send }) => {
    await readBody(receive);
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain'], ['content-length', '4']] });
    await send({ type: 'http.response.body', body: utf8('abc'), moreBody: true });
    await send({ type: 'http.response.body', body: utf8('defghij') });
  },
  [R.hang]: async ({ receive, send, journal, token }) => {
    await readBody(receive);
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'application/octet-stream']] });
    await send({ type: 'http.response.body', body: patterned(1024, 3), moreBody: true });
    // The body is complete, so the next receive() waits for the client to leave (async §3.3).
    const event = await receive();
    journal.record(event.type, token);
    try {
      await send({ type: 'http.response.body', body: utf8('too late'), moreBody: true });
      journal.record('send.accepted', token);
    } catch (error) {
      journal.record('send.raised', token, { name: (error as Error | undefined)?.name });
    }
  },
  [R.after]: async ({ receive, send, journal, token }) => {
    await readBody(receive);
    await respond(send, 200, [['content-type', 'text/plain'], ['content-length', '4']], utf8('done'));
    // async §3.3: receive() after the response is complete yields http.disconnect.
    journal.record('after-response', token, { type: (await receive()).type });
  },
  [R.trailers]: async ({ scope, receive, send }) => {
    await readBody(receive);
    if (scope.extensions?.['http.response.trailers'] === undefined) {
      await respond(send, 501, [['content-type', 'text/plain']], utf8('scope.extensions lacks http.response.trailers'));
      return;
    }
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain'], ['trailer', 'x-checksum']], trailers: true });
    await send({ type: 'http.response.body', body: utf8('trailer body') });
    await send({ type: 'http.response.trailers', headers: [['x-checksum', 'probe-1234']] });
  },
  [R.stateSet]: async (call) => {
    const key = queryParam(call.scope.queryString, 'key') ?? 'key';
    if (call.scope.state) call.scope.state[key] = 'set by a request';
    await report(call);
  },
};

async function status(code: number, { receive, send }: Call): Promise<void> {
  await readBody(receive);
  const headers: HeaderList = code === 304 ? [['etag', '"probe"']] : [['content-type', 'text/plain']];
  await respond(send, code, headers, isBodiless(code) ? new Uint8Array(0) : utf8(`status ${code}`));
}

/** Builds the async probe app over a journal. */
export function createAsyncProbe(journal: Journal, options: ProbeOptions = {}): AsyncApp {
  return async (scope, receive, send) => {
    if (scope.type === 'lifespan') return runProbeLifespan(scope, receive, send, journal, options);
    const token = queryParam(scope.queryString, 'token') ?? '';
    if (scope.type === 'websocket') return runProbeWebSocket(scope, receive, send, journal, token);
    const call: Call = { scope, receive, send, journal, token };
    if (scope.path.startsWith(R.status)) return status(Number(scope.path.slice(R.status.length)), call);
    return (routes[scope.path] ?? report)(call);
  };
}
