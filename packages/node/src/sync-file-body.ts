// A sync app's `tsgi.file_wrapper` body, sent with non-blocking reads instead of being iterated with
// blocking ones on the event loop (docs/spec/sync.md §6.4: a server MAY send a wrapper directly).
import type { HeaderList, HTTPResponseStartEvent, HTTPScope, Send } from '@tsgi/async';
import type { FileWrapper } from '@tsgi/sync';
import { openFileBody, type FileRange } from './file-body.js';

const EMPTY = new Uint8Array(0);

/**
 * syncToAsync's `sendFile` for node: the wrapper's file is read asynchronously and sent as body
 * events, so content-length and backpressure still apply; a whole file on HTTP/2 goes out as
 * `http.response.pathsend`. syncToAsync hands over a wrapper only when nothing went to `write()`
 * first (sync §6.4), and closes the body after.
 *
 * @example
 * syncToAsync(app, { sendFile: sendFileBody, environ: () => ({ fileWrapper: nodeFileWrapper }) });
 */
export async function sendFileBody(wrapper: FileWrapper, start: HTTPResponseStartEvent, scope: HTTPScope, send: Send): Promise<void> {
  // RFC 9110 §6.4.1: 204 and 304 carry no content, so the file is never needed.
  if (start.status === 204 || start.status === 304) {
    await send(start);
    return send({ type: 'http.response.body', body: EMPTY, moreBody: false });
  }
  // Opened before the head is sent: a missing file is still a clean 500.
  const opened = await openFileBody(rangeOf(wrapper));
  // RFC 9110 §9.3.2: HEAD gets the length, never the bytes.
  const head = scope.method === 'HEAD';
  const whole = head ? null : wholeFilePath(wrapper, scope);
  try {
    await send({ ...start, headers: withLength(start.headers ?? [], opened.length) });
    if (!head && whole === null) for await (const chunk of opened.chunks()) await send({ type: 'http.response.body', body: chunk, moreBody: true });
  } finally {
    await opened.close();
  }
  // The host sends it from its descriptor, and pathsend ends the response.
  if (whole !== null) return send({ type: 'http.response.pathsend', path: whole });
  return send({ type: 'http.response.body', body: EMPTY, moreBody: false });
}

/**
 * The path of a wrapper that sends a whole file by name, when the host takes it as
 * `http.response.pathsend`: on HTTP/2 the node transport hands the descriptor to the stream
 * (respondWithFD), where reading it here would pass every byte through JavaScript.
 */
function wholeFilePath(wrapper: FileWrapper, scope: HTTPScope): string | null {
  const { file } = wrapper;
  if (typeof file !== 'string' || (wrapper.offset ?? 0) !== 0 || wrapper.count !== undefined) return null;
  return scope.httpVersion === '2' && scope.extensions?.['http.response.pathsend'] !== undefined ? file : null;
}

function rangeOf(wrapper: FileWrapper): FileRange {
  const range: FileRange = { file: wrapper.file, offset: wrapper.offset ?? 0 };
  if (wrapper.count !== undefined) range.count = wrapper.count;
  return range;
}

// sync §6.4: the app sets content-length if it knows the size; when it did not, the file's size frames
// the body instead of chunked coding (RFC 9112 §6.3).
function withLength(headers: HeaderList, length: number | null): HeaderList {
  if (length === null || headers.some(([name]) => name.toLowerCase() === 'content-length')) return headers;
  return [...headers, ['content-length', String(length)]];
}
