import { type BodyChunk, type ResponseInit, RouterResponse } from './response.js';

/**
 * A streamed response from a generator: a sync one works through both interfaces, an async one
 * through the async interface only. Chunks are bytes or UTF-8 text.
 *
 * @example
 * return stream(function* () { yield 'a'; yield 'b'; }(), { headers: { 'content-type': 'text/plain' } });
 */
export function stream(body: Iterable<BodyChunk> | AsyncIterable<BodyChunk>, init?: ResponseInit): RouterResponse {
  const res = new RouterResponse(body, init);
  if (!res.headers.has('content-type')) res.headers.set('content-type', 'application/octet-stream');
  return res;
}

/** One server-sent event; a bare string is an event with only `data`. */
export interface ServerSentEvent {
  data?: unknown;
  event?: string;
  id?: string;
  /** Milliseconds the client waits before reconnecting. */
  retry?: number;
  /** A comment line, e.g. a keep-alive ping. */
  comment?: string;
}

const field = (name: string, value: string): string =>
  // HTML §9.2.6: a field ends at a newline, so each line of a multi-line value is its own field.
  value.split(/\r\n|\r|\n/).map((line) => `${name}${line}\n`).join('');

/**
 * Formats one event in the text/event-stream format (HTML §9.2.6). Non-string data becomes JSON.
 *
 * @example
 * formatEvent({ event: 'tick', data: { n: 1 } }); // 'event: tick\ndata: {"n":1}\n\n'
 */
export function formatEvent(event: ServerSentEvent | string): string {
  if (typeof event === 'string') return `${field('data: ', event)}\n`;
  let out = event.comment === undefined ? '' : field(': ', event.comment);
  if (event.event !== undefined) out += field('event: ', event.event);
  if (event.id !== undefined) out += field('id: ', event.id);
  if (event.retry !== undefined) out += `retry: ${Math.floor(event.retry)}\n`;
  if (event.data !== undefined) out += field('data: ', typeof event.data === 'string' ? event.data : JSON.stringify(event.data));
  return `${out}\n`;
}

function* formatAll(events: Iterable<ServerSentEvent | string>): Generator<string> {
  for (const event of events) yield formatEvent(event);
}

async function* formatAllAsync(events: AsyncIterable<ServerSentEvent | string>): AsyncGenerator<string> {
  for await (const event of events) yield formatEvent(event);
}

/**
 * A server-sent events response (text/event-stream, never cached or buffered by proxies).
 *
 * @example
 * return sse((async function* () { yield { event: 'hello', data: 'world' }; })());
 */
export function sse(
  events: Iterable<ServerSentEvent | string> | AsyncIterable<ServerSentEvent | string>,
  init?: ResponseInit,
): RouterResponse {
  const body = Symbol.asyncIterator in events ? formatAllAsync(events) : formatAll(events);
  const res = new RouterResponse(body, init);
  res.headers.set('content-type', 'text/event-stream; charset=utf-8');
  res.headers.set('cache-control', 'no-cache');
  // nginx buffers proxied responses unless told otherwise, which would hold events back.
  res.headers.set('x-accel-buffering', 'no');
  return res;
}
