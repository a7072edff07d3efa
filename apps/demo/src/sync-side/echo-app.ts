// A raw sync app, no router: reads the body from tsgi.input the way a PEP 3333 app reads wsgi.input.
import type { Environ, StartResponse, SyncApp } from '@tsgi/sync';

const encoder = new TextEncoder();

/**
 * POST: answers with the request body, byte for byte, in the request's Content-Type. Any other
 * method gets 405 with Allow (RFC 9110 §15.5.6).
 *
 * @example
 * // curl --data-binary @photo.jpg -H 'content-type: image/jpeg' http://127.0.0.1:8000/sync/echo
 */
export const echoApp: SyncApp = (environ: Environ, startResponse: StartResponse) => {
  if (environ.REQUEST_METHOD !== 'POST') {
    const body = encoder.encode(`${environ.REQUEST_METHOD} is not allowed here: POST a body and it comes back\n`);
    startResponse('405 Method Not Allowed', [
      ['allow', 'POST'],
      ['content-type', 'text/plain; charset=utf-8'],
      ['content-length', String(body.length)],
    ]);
    return [body];
  }
  // docs/spec/sync.md §4.2: read() with no size reads to the end of the body, never past it.
  const body = environ['tsgi.input'].read();
  startResponse('200 OK', [
    ['content-type', environ.CONTENT_TYPE || 'application/octet-stream'],
    ['content-length', String(body.length)],
    ['x-echo-interface', 'sync'],
  ]);
  return [body];
};
