// The async contract's own ceiling on Bun and Deno: the raw async app of the HTTP suite behind the least
// code a fetch adapter needs, with no validation and no error handling. Since an async app cannot hand
// the runtime a Response synchronously, no conforming adapter can beat this (docs/spec/async.md §3).
import type { HTTPReceiveEvent, HTTPResponseBodyEvent, HeaderList, Receive, Send } from '@tsgi/async';
import { bareScope, joinBytes } from '../../http/apps/bare-parts.js';
import { app } from '../../http/apps/raw-async.js';
import { detectRuntime, portArgument, serveFetch } from '../runtime-globals.js';

const RESOLVED = Promise.resolve();
const DISCONNECT: HTTPReceiveEvent = { type: 'http.disconnect' };

// async §3.2: one event per piece of the body stream, then an empty last one (one empty event without a
// body); after the body, async §3.3: disconnect once the response is handed over.
function bodyOf(request: Request, responded: Promise<Response>): Receive {
  const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = request.body?.getReader();
  let finished = false;
  return async () => {
    if (finished) return responded.then(() => DISCONNECT);
    const piece = reader === undefined ? undefined : await reader.read();
    if (piece?.done === false) return { type: 'http.request', body: piece.value, moreBody: true };
    finished = true;
    return { type: 'http.request', body: new Uint8Array(0), moreBody: false };
  };
}

// async §3.4/§3.5: remember the start, collect the body, and answer once the last piece arrives.
function responderOf(resolve: (response: Response) => void): Send {
  let status = 200;
  const headers: Record<string, string> = {};
  const pieces: Uint8Array[] = [];
  return (event) => {
    if (event.type === 'http.response.start') {
      status = event.status;
      // A plain record, as native.ts passes. The body is always handed over whole, so the runtime
      // frames it with its own Content-Length and the app's is left out: Deno answers a 200 whose only
      // field is Content-Type on its fast path (with the length, about a quarter fewer req/s here).
      // Repeated names (Set-Cookie) would need a Headers object; no scenario sends one.
      for (const [name, value] of event.headers ?? []) if (name !== 'content-length') headers[name] = value;
      return RESOLVED;
    }
    const { body, moreBody } = event as HTTPResponseBodyEvent;
    if (body !== undefined) pieces.push(body);
    if (moreBody !== true) {
      const whole = pieces.length === 1 ? (pieces[0] as Uint8Array<ArrayBuffer>) : pieces.length === 0 ? null : joinBytes(pieces);
      resolve(new Response(whole, { status, headers }));
    }
    return RESOLVED;
  };
}

function handle(request: Request): Promise<Response> {
  // The target starts at the first '/' after "http://host", as in native.ts.
  const url = request.url;
  const headers: HeaderList = [];
  // Fetch §2.2.2: a Headers object already holds lower-case names and trimmed values.
  request.headers.forEach((value, name) => headers.push([name, value]));
  // A host fills `client` from its runtime; no scenario needs it (leaving work out can only raise a ceiling).
  const scope = bareScope({ method: request.method, httpVersion: '1.1', target: url.slice(url.indexOf('/', url.indexOf('//') + 2)), headers, client: null, server: null });
  let answer!: (response: Response) => void;
  const responded = new Promise<Response>((resolve) => (answer = resolve));
  // The bench's app never throws; if it did, the unhandled rejection would stop the runtime loudly.
  void app(scope, bodyOf(request, responded), responderOf(answer));
  return responded;
}

const runtime = detectRuntime();
serveFetch(runtime, portArgument(runtime), handle);
