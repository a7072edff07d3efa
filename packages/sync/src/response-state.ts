// The server side of startResponse and write() for one response (docs/spec/sync.md §5.1, §5.5–§5.7).
import { describe, isBytes } from './bytes.js';
import { SyncSpecError } from './errors.js';
import { START_RESPONSE_MISSING, START_RESPONSE_TWICE, WRITE_AFTER_CLOSE, WRITE_NOT_BYTES } from './messages.js';
import { checkHeaders, checkStatus } from './response-head.js';
import type { HeaderList, StartResponse, WriteFn } from './types.js';

/** The head of a response once it is final. */
export interface FinalHead {
  status: string;
  statusCode: number;
  headers: HeaderList;
}

/**
 * Holds what startResponse stored, the write() chunks waiting to be sent, and whether the head is final.
 * The head becomes final at the first non-empty chunk, or at the end of an empty body (§5.7).
 */
export class ResponseState {
  private head: FinalHead | undefined;
  /** The head was handed to the host: excInfo can no longer replace it. */
  sent = false;
  closed = false;
  /** Chunks given to write(), in order, until the host takes them. */
  readonly written: Uint8Array[] = [];

  readonly startResponse: StartResponse = (status, headers, excInfo) => {
    // docs/spec/sync.md §5.6: excInfo may replace a head not yet sent; once sent, the error goes on up.
    if (excInfo !== undefined) {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrow the app's own value as is
      if (this.sent) throw excInfo;
    } else if (this.head !== undefined) {
      throw new SyncSpecError(START_RESPONSE_TWICE);
    }
    const statusCode = checkStatus(status);
    // Copy: the app may reuse or change its list after the call.
    const list = checkHeaders(headers).map(([name, value]): [string, string] => [name, value]);
    this.head = { status, statusCode, headers: list };
    return this.write;
  };

  readonly write: WriteFn = (chunk) => {
    if (this.closed) throw new SyncSpecError(WRITE_AFTER_CLOSE);
    if (!isBytes(chunk)) throw new SyncSpecError(`${WRITE_NOT_BYTES}: got ${describe(chunk)}`);
    if (chunk.length === 0) return;
    this.finalize();
    this.written.push(chunk);
  };

  /** Makes the head final (§5.7); throws when startResponse was never called. */
  finalize(): FinalHead {
    if (this.head === undefined) throw new SyncSpecError(START_RESPONSE_MISSING);
    this.sent = true;
    return this.head;
  }
}
