// The HTTP scenarios as a raw sync tsgi app: PEP 3333's shape, nothing else.
import type { HeaderList, SyncApp } from '@tsgi/sync';
import { JSON_MESSAGE, PARAM_PREFIX, PLAINTEXT, STREAM_CHUNK, STREAM_CHUNKS } from '../payloads.js';

const encoder = new TextEncoder();
const PLAINTEXT_BYTES = encoder.encode(PLAINTEXT);

function headers(body: Uint8Array, contentType: string): HeaderList {
  return [
    ['content-type', contentType],
    ['content-length', String(body.byteLength)],
  ];
}

function* stream(): Generator<Uint8Array> {
  for (let i = 0; i < STREAM_CHUNKS; i++) yield STREAM_CHUNK;
}

/** The raw sync app the `tsgi` server runs for the HTTP scenarios. */
export const app: SyncApp = (environ, startResponse) => {
  const path = environ.PATH_INFO;
  const method = environ.REQUEST_METHOD;
  let body: Uint8Array;
  if (path === '/plaintext') {
    startResponse('200 OK', headers(PLAINTEXT_BYTES, 'text/plain'));
    return [PLAINTEXT_BYTES];
  }
  if (path === '/json') {
    body = encoder.encode(JSON.stringify(JSON_MESSAGE));
    startResponse('200 OK', headers(body, 'application/json'));
    return [body];
  }
  if (path.startsWith(PARAM_PREFIX) && method === 'GET') {
    body = encoder.encode(`user ${path.slice(PARAM_PREFIX.length)}`);
    startResponse('200 OK', headers(body, 'text/plain'));
    return [body];
  }
  if (path === '/echo' && method === 'POST') {
    body = environ['tsgi.input'].read();
    startResponse('200 OK', headers(body, 'application/octet-stream'));
    return [body];
  }
  if (path === '/stream') {
    startResponse('200 OK', [['content-type', 'application/octet-stream']]);
    return stream();
  }
  startResponse('404 Not Found', [['content-length', '0']]);
  return [];
};
