// validate(): startResponse, write() and the byte count against Content-Length (docs/spec/sync.md §5, §6.3).
import { describe, isBytes } from '../bytes.js';
import { SyncSpecError } from '../errors.js';
import * as m from '../messages.js';
import { checkHeaders, checkStatus } from '../response-head.js';
import type { StartResponse, WriteFn } from '../types.js';

/** What validate() knows about one response while it is produced. */
export class ResponseChecks {
  /** startResponse was called (and the server accepted it). */
  started = false;
  /** A non-empty chunk went out: the head is final (§5.7). */
  sent = false;
  closed = false;
  private declared: number | undefined;
  private bytes = 0;

  constructor(private readonly method: string) {}

  /** Wraps the server's startResponse. */
  wrapStart(startResponse: StartResponse): StartResponse {
    return (...args: unknown[]) => {
      if (args.length < 2 || args.length > 3) throw new SyncSpecError(`${m.START_RESPONSE_ARGS}: got ${args.length} arguments`);
      const [status, headers, excInfo] = args as [string, [string, string][], unknown];
      if (excInfo === undefined && this.started) throw new SyncSpecError(m.START_RESPONSE_TWICE);
      const code = checkStatus(status);
      checkHeaders(headers);
      const write: unknown = startResponse(status, headers, excInfo);
      // §5.6: once the head is final, the server must rethrow excInfo, so reaching here is its mistake.
      if (excInfo !== undefined && this.sent) throw new SyncSpecError(m.EXC_INFO_ACCEPTED);
      if (typeof write !== 'function') throw new SyncSpecError(`${m.START_RESPONSE_NO_WRITE}: got ${describe(write)}`);
      this.started = true;
      this.declared = declaredLength(headers, code, this.method);
      this.bytes = 0;
      return this.wrapWrite(write as WriteFn);
    };
  }

  private wrapWrite(write: WriteFn): WriteFn {
    return (chunk: unknown) => {
      if (this.closed) throw new SyncSpecError(m.WRITE_AFTER_CLOSE);
      if (!isBytes(chunk)) throw new SyncSpecError(`${m.WRITE_NOT_BYTES}: got ${describe(chunk)}`);
      this.chunk(chunk);
      write(chunk);
    };
  }

  /** Records a chunk on its way to the server: the head is final, and the total stays within Content-Length. */
  chunk(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (!this.started) throw new SyncSpecError(m.START_RESPONSE_MISSING);
    this.sent = true;
    this.bytes += chunk.length;
    if (this.declared !== undefined && this.bytes > this.declared) {
      throw new SyncSpecError(`${m.BODY_TOO_LONG}: ${this.bytes} bytes, Content-Length ${this.declared}`);
    }
  }

  /** The body ended: startResponse must have been called, and every declared byte sent. */
  end(): void {
    if (!this.started) throw new SyncSpecError(m.START_RESPONSE_MISSING);
    if (this.declared !== undefined && this.bytes < this.declared) {
      throw new SyncSpecError(`${m.BODY_TOO_SHORT}: ${this.bytes} of ${this.declared} bytes`);
    }
  }
}

// §6.3, §6.5: HEAD, 204 and 304 responses have no body, so their Content-Length is not counted.
function declaredLength(headers: [string, string][], code: number, method: string): number | undefined {
  if (method === 'HEAD' || code === 204 || code === 304) return undefined;
  const values = new Set(headers.filter(([name]) => name.toLowerCase() === 'content-length').map(([, v]) => v.trim()));
  if (values.size > 1) throw new SyncSpecError(`${m.CONTENT_LENGTH_FORMAT}: got ${[...values].join(', ')}`);
  const [value] = values;
  return value === undefined ? undefined : Number(value);
}
