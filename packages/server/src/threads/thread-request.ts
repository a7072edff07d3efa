// One request, run inside a thread: tsgi.input reads block on the mailbox, response chunks go back
// as messages within a window of bytes in flight, and close() runs here whatever happens.
import { nodeFileWrapper } from '@tsgi/node';
import { createEnviron, createInputStream, isRequestError, startApp, type EnvironRequest, type ErrorStream, type SyncApp, type SyncResponse } from '@tsgi/sync';
import { BODY, mailbox, RESPONSE_WINDOW, SLOT, slots } from './channel.js';
import { toErrorData, type RunMessage, type ThreadMessage } from './protocol.js';

/** Thrown by tsgi.input.read() when the client went away mid-body. */
export const CLIENT_GONE = 'the client disconnected before the request body was complete';

const EMPTY = new Uint8Array(0);

/** What a thread gives each request besides the message: where to post, and the environ's extras. */
export interface ThreadContext {
  post: (message: ThreadMessage, transfer?: ArrayBuffer[]) => void;
  /** tsgi.errors: lines reach the server log through the pool. */
  errors: ErrorStream;
  multiprocess: boolean;
}

/**
 * Runs `app` for one request and posts its response; returns once the final message is posted.
 *
 * @example
 * parentPort.on('message', (message: RunMessage) => runRequest(app, message, context));
 */
export function runRequest(app: SyncApp, message: RunMessage, context: ThreadContext): void {
  const began = performance.now();
  const { post, errors, multiprocess } = context;
  const { id, request } = message;
  const control = slots(message.buffer);
  const box = mailbox(message.buffer);
  const cancelled = (): boolean => Atomics.load(control, SLOT.cancelled) === 1;
  let response: SyncResponse;
  try {
    const length = Number(request.headers.find(([name]) => name.toLowerCase() === 'content-length')?.[1] ?? Number.NaN);
    const body = box === null ? EMPTY : createInputStream(pullFrom(control, box, () => post({ type: 'want', id })), Number.isSafeInteger(length) ? { contentLength: length } : {});
    // The message's own copy of the request is completed in place: `{ ...request, key }` would be a
    // slow dictionary-mode object on node 20.
    const full: EnvironRequest = request;
    full.body = body;
    full.errors = errors;
    full.fileWrapper = nodeFileWrapper;
    full.multithread = true;
    full.multiprocess = multiprocess;
    const environ = createEnviron(full);
    response = startApp(app, environ);
  } catch (error) {
    if (isRequestError(error)) {
      const refusal = error.toResponse();
      post({ type: 'refused', id, status: refusal.statusCode, headers: refusal.headers, body: refusal.body, ms: performance.now() - began });
    } else post({ type: 'error', id, error: toErrorData(error), ms: performance.now() - began });
    return;
  }
  const send = (chunk: Uint8Array): void => {
    Atomics.add(control, SLOT.inFlight, chunk.byteLength);
    post({ type: 'body', id, chunk }, [chunk.buffer as ArrayBuffer]);
  };
  // An array body (`return [body]`, the usual case) exists whole already: it crosses with the head
  // and the end in one message, one hop instead of three. Anything else streams chunk by chunk.
  const gathered = response.inMemory ? gather(response) : { chunks: [], failed: false, error: undefined, more: true };
  let failure: unknown = gathered.failed ? gathered.error : undefined;
  if (!gathered.more && !gathered.failed) {
    try {
      // PEP 3333: close() runs before the response is reported done.
      response.close();
      const { chunks } = gathered;
      post({ type: 'whole', id, status: response.statusCode, headers: response.headers, chunks, ms: performance.now() - began }, chunks.map((chunk) => chunk.buffer as ArrayBuffer));
      return;
    } catch (error) {
      // Reported after the head, as on the streaming path; close() is idempotent below.
      failure = error;
    }
  }
  try {
    post({ type: 'start', id, status: response.statusCode, headers: response.headers });
    for (const chunk of gathered.chunks) send(chunk);
    if (gathered.more && !gathered.failed) {
      for (let next = response.chunks.next(); next.done !== true && !cancelled(); next = response.chunks.next()) {
        if (next.value.byteLength === 0) continue;
        if (!waitForRoom(control, cancelled)) break;
        // A fresh copy, transferred: a view would clone its whole buffer, and the app may reuse it.
        send(next.value.slice());
      }
    }
  } catch (error) {
    failure = error;
  }
  try {
    // PEP 3333: close() runs however the response ends, client disconnect included.
    response.close();
  } catch (error) {
    failure ??= error;
  }
  const ms = performance.now() - began;
  post(failure === undefined ? { type: 'end', id, ms } : { type: 'error', id, error: toErrorData(failure), ms });
}

/** An in-memory body's chunks, copied, up to the response window; `more` when some are left. */
function gather(response: SyncResponse): { chunks: Uint8Array[]; more: boolean; failed: boolean; error: unknown } {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let next = response.chunks.next(); next.done !== true; next = response.chunks.next()) {
      if (next.value.byteLength === 0) continue;
      // A fresh copy, transferred: a view would clone its whole buffer, and the app may reuse it.
      chunks.push(next.value.slice());
      size += next.value.byteLength;
      if (size >= RESPONSE_WINDOW) return { chunks, more: true, failed: false, error: undefined };
    }
  } catch (error) {
    // A chunk that is not bytes: reported after the head, as on the streaming path.
    return { chunks, more: false, failed: true, error };
  }
  return { chunks, more: false, failed: false, error: undefined };
}

/** tsgi.input's source: take bytes from the mailbox, asking the event loop for more when empty. */
function pullFrom(control: Int32Array, box: Uint8Array, ask: () => void): (max: number) => Uint8Array | null {
  let offset = 0;
  return (max) => {
    for (;;) {
      const state = Atomics.load(control, SLOT.bodyState);
      if (state === BODY.full) {
        const length = Atomics.load(control, SLOT.bodyLength);
        const bytes = box.slice(offset, Math.min(length, offset + max));
        offset += bytes.byteLength;
        if (offset >= length) {
          offset = 0;
          Atomics.store(control, SLOT.bodyState, BODY.idle);
        }
        return bytes;
      }
      if (state === BODY.end) return null;
      if (state === BODY.abort) throw new Error(CLIENT_GONE);
      if (state === BODY.idle && Atomics.compareExchange(control, SLOT.bodyState, BODY.idle, BODY.want) === BODY.idle) ask();
      // Blocks this thread only; the event loop answers by changing the state and notifying.
      Atomics.wait(control, SLOT.bodyState, BODY.want);
    }
  };
}

/** Waits until fewer than RESPONSE_WINDOW bytes are in flight; false once cancelled. */
function waitForRoom(control: Int32Array, cancelled: () => boolean): boolean {
  for (;;) {
    if (cancelled()) return false;
    const inFlight = Atomics.load(control, SLOT.inFlight);
    if (inFlight < RESPONSE_WINDOW) return true;
    Atomics.wait(control, SLOT.inFlight, inFlight);
  }
}
