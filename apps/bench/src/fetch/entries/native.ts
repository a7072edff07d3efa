// The ceiling on Bun and Deno: a hand-written fetch handler for the scenarios the fetch suite runs.
import { JSON_MESSAGE, PARAM_PREFIX, PLAINTEXT } from '../../http/payloads.js';
import { detectRuntime, portArgument, serveFetch } from '../runtime-globals.js';

function handle(request: Request): Response {
  // The path starts at the first '/' after "http://host".
  const url = request.url;
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const query = url.indexOf('?', start);
  const path = query === -1 ? url.slice(start) : url.slice(start, query);
  if (path === '/plaintext') return new Response(PLAINTEXT, { headers: { 'content-type': 'text/plain' } });
  if (path === '/json') return Response.json(JSON_MESSAGE);
  if (path.startsWith(PARAM_PREFIX)) return new Response(`user ${path.slice(PARAM_PREFIX.length)}`, { headers: { 'content-type': 'text/plain' } });
  return new Response(null, { status: 404 });
}

const runtime = detectRuntime();
serveFetch(runtime, portArgument(runtime), handle);
