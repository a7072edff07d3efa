// The sync gateway interface, as types. Mirrors docs/spec/sync.md section by section: a change to one
// changes the other in the same commit.

/** A header list: `[name, value]` pairs in order, repeated names allowed (docs/spec/sync.md §5.3). */
export type HeaderList = Array<[name: string, value: string]>;

/** The spec version an environ carries in `tsgi.version` (docs/spec/sync.md §1.3). */
export type SyncSpecVersion = readonly [major: 1, minor: 0];

/**
 * The request body, readable synchronously (docs/spec/sync.md §4.2). It never reads past
 * CONTENT_LENGTH, and for a body without one it reads to the end of the body.
 *
 * @example
 * const body = environ['tsgi.input'].read(); // every remaining byte
 * for (const line of environ['tsgi.input']) handle(line);
 */
export interface InputStream extends Iterable<Uint8Array> {
  /** Reads up to `size` bytes (all that remain when omitted or negative); empty at the end. */
  read(size?: number): Uint8Array;
  /** Reads one line including its `\n`, at most `size` bytes; empty at the end. */
  readline(size?: number): Uint8Array;
  /** Reads lines until about `hint` bytes were read (all lines when omitted). */
  readlines(hint?: number): Uint8Array[];
}

/** A text stream for errors and diagnostics, `wsgi.errors`' counterpart (docs/spec/sync.md §4.3). */
export interface ErrorStream {
  write(text: string): void;
  writelines(lines: Iterable<string>): void;
  flush(): void;
}

/**
 * A body the server can send without copying through JavaScript (docs/spec/sync.md §6.4).
 * `tsgi.file_wrapper(file, blockSize)` returns one; the app returns it as its body. Servers recognise
 * wrappers by the `Symbol.for('tsgi.file_wrapper')` brand that `createFileWrapperFactory` sets.
 */
export interface FileWrapper extends Iterable<Uint8Array> {
  /** A file path, or an open file descriptor, the server may send directly. */
  readonly file: string | number;
  readonly blockSize: number;
  /** Where to start sending, in bytes. @default 0 */
  readonly offset?: number;
  /** How many bytes to send (to the end of the file when omitted). */
  readonly count?: number;
  close?(): void;
}

/** `tsgi.file_wrapper` (docs/spec/sync.md §6.4). */
export type FileWrapperFactory = (
  file: string | number,
  blockSize?: number,
  range?: { offset?: number; count?: number },
) => FileWrapper;

/**
 * The request, as CGI variables plus `tsgi.*` keys (docs/spec/sync.md §4). String values hold what the
 * client sent: header values are latin-1 (one character per byte), `PATH_INFO` is percent-decoded UTF-8.
 *
 * @example
 * // GET /app/users/caf%C3%A9?x=1 on a server whose root path is /app:
 * // { REQUEST_METHOD: 'GET', SCRIPT_NAME: '/app', PATH_INFO: '/users/café', QUERY_STRING: 'x=1',
 * //   RAW_URI: '/app/users/caf%C3%A9?x=1', HTTP_HOST: 'example.com', ... }
 */
export interface Environ {
  REQUEST_METHOD: string;
  SCRIPT_NAME: string;
  PATH_INFO: string;
  QUERY_STRING: string;
  CONTENT_TYPE?: string;
  CONTENT_LENGTH?: string;
  SERVER_NAME: string;
  SERVER_PORT: string;
  SERVER_PROTOCOL: string;
  /** The request target exactly as the client sent it (docs/spec/sync.md §4.4). */
  RAW_URI: string;
  /** Same as RAW_URI; kept for apps written against Apache and gunicorn. */
  REQUEST_URI: string;
  REMOTE_ADDR?: string;
  REMOTE_PORT?: string;
  'tsgi.version': SyncSpecVersion;
  'tsgi.url_scheme': 'http' | 'https';
  'tsgi.input': InputStream;
  /** Always true: `tsgi.input` signals the end of the body, with or without CONTENT_LENGTH (§4.2). */
  'tsgi.input_terminated': boolean;
  'tsgi.errors': ErrorStream;
  'tsgi.multithread': boolean;
  'tsgi.multiprocess': boolean;
  'tsgi.run_once': boolean;
  'tsgi.file_wrapper'?: FileWrapperFactory;
  /** Every request header exactly as received: in order, names in the client's case, nothing joined (§4.4). */
  'tsgi.raw_headers': HeaderList;
  [key: `HTTP_${string}`]: string | undefined;
  [key: string]: unknown;
}

/** Writes a body chunk at once, before the body iterable (legacy, docs/spec/sync.md §5.5). */
export type WriteFn = (chunk: Uint8Array) => void;

/**
 * Begins the response (docs/spec/sync.md §5). `excInfo` is the caught error, given only by an
 * error handler: it may replace headers not yet sent, and rethrows when they were.
 *
 * @example
 * startResponse('200 OK', [['content-type', 'text/plain']]);
 */
export type StartResponse = (status: string, headers: HeaderList, excInfo?: unknown) => WriteFn;

/** What an app returns: chunks of bytes, with an optional `close()` the server must call (§6). */
export type ResponseBody = Iterable<Uint8Array> & { close?(): void };

/**
 * A sync tsgi app, `(environ, startResponse) => Iterable<Uint8Array>` (docs/spec/sync.md §3.1).
 *
 * @example
 * const app: SyncApp = (environ, startResponse) => {
 *   startResponse('200 OK', [['content-type', 'text/plain']]);
 *   return [new TextEncoder().encode('Hello')];
 * };
 */
export type SyncApp = (environ: Environ, startResponse: StartResponse) => ResponseBody;
