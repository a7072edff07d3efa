// Where a runner writes a response: memory (buffered results) or Lambda's response stream.
import type { HeaderList } from '@tsgi/async';

/** The response side of one invocation, as runners see it; mirrors runHttp's transport calls. */
export interface ResponseSink {
  /** True once `start` was called: an error can then only abort. */
  readonly started: boolean;
  /**
   * True when every call is done by the time it returns (memory): a sync app's response is then
   * relayed without awaiting each call, so a buffered invocation takes no promise hop per call.
   */
  readonly synchronous: boolean;
  start(status: number, headers: HeaderList): Promise<void>;
  write(chunk: Uint8Array): Promise<void>;
  /** Sends the head now, before any body byte (async §3.4.6); a buffered sink has nothing to send. */
  flush(): Promise<void>;
  end(): Promise<void>;
  /** The response cannot be completed; the invocation fails instead of sending a truncated body. */
  abort(error: unknown): void;
}
