import { encodeUtf8 } from './bytes.js';

// Every error @tsgi/sync raises. Guards check `.name`, not instanceof: two copies of this package, or two
// realms, each have their own classes (STYLE.md: Errors).

/** Options every tsgi error takes. */
export interface TsgiErrorOptions {
  cause?: unknown;
}

// 'sync §5.2: ...' → '5.2'. Messages are the single source of the section (src/messages.ts).
const SECTION = /^sync §([\d.]+)/;

/**
 * A breach of docs/spec/sync.md by an app, a server or middleware. The message starts with the section.
 *
 * @example
 * try { startApp(app, environ); } catch (error) {
 *   if (isSyncSpecError(error)) console.log(error.section); // '5.2'
 * }
 */
export class SyncSpecError extends Error {
  override readonly name = 'SyncSpecError';
  /** The section of docs/spec/sync.md that was broken, e.g. `'5.2'`. */
  readonly section: string;

  constructor(message: string, options: TsgiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.section = SECTION.exec(message)?.[1] ?? '';
  }
}

/** True when `error` is a {@link SyncSpecError} (from any copy of this package). */
export function isSyncSpecError(error: unknown): error is SyncSpecError {
  return error instanceof Error && error.name === 'SyncSpecError';
}

/** A client-facing error turned into a response: status line, headers, body. */
export interface ErrorResponse {
  status: string;
  statusCode: number;
  headers: Array<[string, string]>;
  body: Uint8Array;
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 413: 'Content Too Large', 501: 'Not Implemented' };

/**
 * A request the server refuses before the app runs (docs/spec/sync.md §7.2), e.g. a header name with `_`
 * when `underscoreHeaders: 'refuse'`. Hosts answer it with {@link RequestError.toResponse}.
 *
 * @example
 * try { environ = createEnviron(request); } catch (error) {
 *   if (isRequestError(error)) return send(error.toResponse());
 *   throw error;
 * }
 */
export class RequestError extends Error {
  override readonly name = 'RequestError';
  /** The HTTP status to answer with. @default 400 */
  readonly status: number;
  /** The section of docs/spec/sync.md behind the refusal. */
  readonly section: string;

  constructor(message: string, options: TsgiErrorOptions & { status?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status ?? 400;
    this.section = SECTION.exec(message)?.[1] ?? '';
  }

  /** The response a server sends: the status and the message as plain text. */
  toResponse(): ErrorResponse {
    const body = encodeUtf8(`${this.message}\n`);
    return {
      status: `${this.status} ${REASONS[this.status] ?? 'Error'}`,
      statusCode: this.status,
      headers: [
        ['content-type', 'text/plain; charset=utf-8'],
        ['content-length', String(body.length)],
      ],
      body,
    };
  }
}

/** True when `error` is a {@link RequestError} (from any copy of this package). */
export function isRequestError(error: unknown): error is RequestError {
  return error instanceof Error && error.name === 'RequestError';
}
