// A sync app's `tsgi.file_wrapper` body, sent with non-blocking reads instead of being iterated with
// blocking ones on the event loop (docs/spec/sync.md §6.4: a server MAY send a wrapper directly).
import type { AsyncApp, HeaderList, HTTPScope, Send } from '@tsgi/async';
import { isFileWrapper, type FileWrapper, type FileWrapperFactory, type SyncApp } from '@tsgi/sync';
import { openFileBody, type FileBody, type FileRange } from './file-body.js';

/** What one request's app handed over: the wrapper it returned as its body, if any. */
interface Slot {
  factory: FileWrapperFactory;
  wrapper: FileWrapper | undefined;
}

/** A request's own `tsgi.file_wrapper`, tagged with the slot it fills. */
type SlotFactory = FileWrapperFactory & { [SLOT]?: Slot };

const SLOT = Symbol('tsgi.node.file-slot');

/** The two places of syncToAsync that cooperate to send wrapper bodies directly. */
export interface DirectFileBodies {
  /** The sync app to wrap: a wrapper body is handed to the request's slot, an empty body goes on. */
  app: SyncApp;
  /**
   * The async app outside: gives each request a slot and its own `tsgi.file_wrapper`, builds the
   * request's bridge with it, and sends a handed-over file.
   */
  around(bridge: (fileWrapper: FileWrapperFactory) => AsyncApp): AsyncApp;
}

const NO_CHUNKS: Iterable<Uint8Array> = [];

/**
 * Wires direct file bodies through syncToAsync, which only sees an empty body: the file's bytes are
 * read asynchronously and sent as body events, so content-length and backpressure still apply.
 * A wrapper is sent directly only when nothing went to `write()` first (sync §6.4).
 *
 * @example
 * const files = directFileBodies(app, nodeFileWrapper);
 * const asyncApp = files.around((fileWrapper) => syncToAsync(files.app, { environ: () => ({ fileWrapper }) }));
 */
export function directFileBodies(app: SyncApp, factory: FileWrapperFactory): DirectFileBodies {
  const syncApp: SyncApp = (environ, startResponse) => {
    // The slot rides on the request's factory (no per-request WeakMap: on node 20 each set costs
    // about 2 µs of garbage-collector work).
    const slot = (environ['tsgi.file_wrapper'] as SlotFactory | undefined)?.[SLOT];
    if (!slot) return app(environ, startResponse);
    let wrote = false;
    const body = app(environ, (status, headers, excInfo) => {
      const write = startResponse(status, headers, excInfo);
      return (chunk) => {
        wrote = true;
        write(chunk);
      };
    });
    if (wrote || !isFileWrapper(body)) return body;
    slot.wrapper = body;
    // PEP 3333: close() runs once the response is done, which is after the file was sent.
    return { [Symbol.iterator]: () => NO_CHUNKS[Symbol.iterator](), close: () => body.close?.() };
  };

  return {
    app: syncApp,
    around: (bridge) => {
      const plain = bridge(factory);
      return (scope, receive, send) => {
        if (scope.type !== 'http') return plain(scope, receive, send);
        const own: SlotFactory = (file, blockSize, range) => factory(file, blockSize, range);
        const slot: Slot = { factory: own, wrapper: undefined };
        own[SLOT] = slot;
        return bridge(own)(scope, receive, sendFileBody(slot, scope, send));
      };
    },
  };
}

/** The request's send, with a handed-over file opened at the start and streamed before the end. */
function sendFileBody(slot: Slot, scope: HTTPScope, send: Send): Send {
  let file: FileBody | undefined;
  // Most responses are not files: their events pass straight through, without an async wrapper.
  return (event) => (slot.wrapper === undefined && file === undefined ? send(event) : sendWithFile(event));
  async function sendWithFile(event: Parameters<Send>[0]): Promise<void> {
    if (slot.wrapper === undefined) return send(event);
    if (event.type === 'http.response.start') {
      // RFC 9110 §6.4.1: 204 and 304 carry no content, so the file is never needed.
      if (event.status === 204 || event.status === 304) return send(event);
      // Opened before the head is sent: a missing file is still a clean 500.
      const opened = await openFileBody(rangeOf(slot.wrapper));
      file = opened;
      try {
        return await send({ ...event, headers: withLength(event.headers ?? [], opened.length) });
      } catch (error) {
        file = undefined;
        await opened.close();
        throw error;
      }
    }
    if (event.type === 'http.response.body' && event.moreBody !== true && file) {
      const opened = file;
      file = undefined;
      const whole = wholeFilePath(slot.wrapper, scope);
      try {
        // RFC 9110 §9.3.2: HEAD gets the length, never the bytes.
        if (scope.method !== 'HEAD' && whole === null) for await (const chunk of opened.chunks()) await send({ type: 'http.response.body', body: chunk, moreBody: true });
      } finally {
        await opened.close();
      }
      // The host sends it from its descriptor, and pathsend ends the response.
      if (scope.method !== 'HEAD' && whole !== null) return send({ type: 'http.response.pathsend', path: whole });
    }
    return send(event);
  }
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
