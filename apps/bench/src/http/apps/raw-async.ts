// The HTTP scenarios as a raw async tsgi app: no router, no helpers, the events by hand.
import type { AsyncApp, HeaderList, Receive, Send } from '@tsgi/async';
import { acceptLifespan } from '../../apps/lifespan.js';
import { joinBytes } from './bare-parts.js';
import { JSON_MESSAGE, PARAM_PREFIX, PLAINTEXT, STREAM_CHUNK, STREAM_CHUNKS } from '../payloads.js';

const encoder = new TextEncoder();
const PLAINTEXT_BYTES = encoder.encode(PLAINTEXT);

async function respond(send: Send, body: Uint8Array, contentType: string): Promise<void> {
  const headers: HeaderList = [
    ['content-type', contentType],
    ['content-length', String(body.byteLength)],
  ];
  await send({ type: 'http.response.start', status: 200, headers });
  await send({ type: 'http.response.body', body });
}

async function readBody(receive: Receive): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (;;) {
    const event = await receive();
    if (event.type !== 'http.request') return new Uint8Array(0);
    parts.push(event.body);
    if (!event.moreBody) break;
  }
  return joinBytes(parts);
}

/** The raw async app the `tsgi` server runs for the HTTP scenarios. */
export const app: AsyncApp = async (scope, receive, send) => {
  if (scope.type === 'lifespan') return acceptLifespan(receive, send);
  if (scope.type !== 'http') return;
  const { path, method } = scope;
  if (path === '/plaintext') return respond(send, PLAINTEXT_BYTES, 'text/plain');
  if (path === '/json') return respond(send, encoder.encode(JSON.stringify(JSON_MESSAGE)), 'application/json');
  if (path.startsWith(PARAM_PREFIX) && method === 'GET') {
    return respond(send, encoder.encode(`user ${path.slice(PARAM_PREFIX.length)}`), 'text/plain');
  }
  if (path === '/echo' && method === 'POST') return respond(send, await readBody(receive), 'application/octet-stream');
  if (path === '/stream') {
    await send({ type: 'http.response.start', status: 200, headers: [['content-type', 'application/octet-stream']] });
    for (let i = 0; i < STREAM_CHUNKS; i++) await send({ type: 'http.response.body', body: STREAM_CHUNK, moreBody: true });
    return send({ type: 'http.response.body' });
  }
  await send({ type: 'http.response.start', status: 404, headers: [['content-length', '0']] });
  await send({ type: 'http.response.body' });
};
