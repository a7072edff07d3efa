// Collects a response in memory, for the JSON result Lambda returns to API Gateway and ALB.
import type { HeaderList } from '@tsgi/async';
import { ResponseAbortedError } from '../errors.js';
import type { ResponseSink } from './types.js';

/** A complete buffered response. */
export interface BufferedResponse {
  status: number;
  headers: HeaderList;
  body: Uint8Array;
}

// Every call is done when it returns: one settled promise serves them all, rather than one per call.
const DONE = Promise.resolve();

/** A sink that keeps every chunk and hands back the whole response. */
export class BufferedSink implements ResponseSink {
  started = false;
  readonly synchronous = true;
  private status = 500;
  private headers: HeaderList = [];
  private chunks: Uint8Array[] = [];
  private outcome: { ok: true; response: BufferedResponse } | { ok: false; error: unknown } | undefined;

  start(status: number, headers: HeaderList): Promise<void> {
    this.started = true;
    this.status = status;
    this.headers = headers;
    return DONE;
  }

  write(chunk: Uint8Array): Promise<void> {
    // Copy: the app may reuse its buffer once write() resolves.
    if (chunk.byteLength > 0) this.chunks.push(chunk.slice());
    return DONE;
  }

  flush(): Promise<void> {
    return DONE;
  }

  end(): Promise<void> {
    this.outcome ??= { ok: true, response: { status: this.status, headers: this.headers, body: concat(this.chunks) } };
    return DONE;
  }

  abort(error: unknown): void {
    this.outcome ??= { ok: false, error };
  }

  /** The response, or a ResponseAbortedError when it was aborted or never finished. */
  result(): BufferedResponse {
    const outcome = this.outcome ?? { ok: false, error: new Error('the response never ended') };
    if (!outcome.ok) throw new ResponseAbortedError({ cause: outcome.error });
    return outcome.response;
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
