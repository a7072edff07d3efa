// Streams a response through `awslambda.HttpResponseStream`: a JSON prelude (status, headers,
// cookies), eight NUL bytes, then the body as the app writes it.
import type { HeaderList } from '@tsgi/async';
import type { AwsLambdaGlobal, HttpResponseStreamPrelude, LambdaResponseStream } from '../aws-types.js';
import { ResponseAbortedError } from '../errors.js';
import type { ResponseSink } from './types.js';

/** Builds the prelude for a response head; each event source has its own. */
export type PreludeFn = (status: number, headers: HeaderList) => HttpResponseStreamPrelude;

/** A sink over Lambda's response stream, with backpressure from the stream's `drain`. */
export class StreamSink implements ResponseSink {
  started = false;
  readonly synchronous = false;
  private stream: LambdaResponseStream | undefined;
  private wrote = false;
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly awslambda: AwsLambdaGlobal,
    private readonly responseStream: LambdaResponseStream,
    private readonly prelude: PreludeFn,
  ) {}

  start(status: number, headers: HeaderList): Promise<void> {
    this.started = true;
    this.stream = this.awslambda.HttpResponseStream.from(this.responseStream, this.prelude(status, headers));
    return Promise.resolve();
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (chunk.byteLength === 0) return;
    const stream = this.require();
    this.wrote = true;
    if (!stream.write(chunk)) await settle(stream, 'drain');
  }

  /** HttpResponseStream writes its prelude on the first write: an empty one sends the head alone. */
  async flush(): Promise<void> {
    const stream = this.require();
    if (this.wrote) return;
    this.wrote = true;
    if (!stream.write(new Uint8Array(0))) await settle(stream, 'drain');
  }

  async end(): Promise<void> {
    await this.flush();
    const stream = this.require();
    const finished = settle(stream, 'finish');
    stream.end();
    await finished;
  }

  abort(error: unknown): void {
    this.failure ??= { error };
  }

  /** Throws when the response was aborted; the runtime then reports the invocation as failed. */
  check(): void {
    if (this.failure) throw new ResponseAbortedError({ cause: this.failure.error });
  }

  private require(): LambdaResponseStream {
    if (!this.stream) throw new Error('aws-lambda: body written before the response started');
    return this.stream;
  }
}

/** Waits for `event`, rejecting if the stream errors or closes first. */
function settle(stream: LambdaResponseStream, event: 'drain' | 'finish'): Promise<void> {
  if (event === 'finish' && stream.writableFinished) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      cleanup();
      resolve();
    };
    const failed = (error?: Error) => {
      cleanup();
      reject(error ?? new Error(`aws-lambda: the response stream closed before '${event}'`));
    };
    const cleanup = () => {
      stream.removeListener(event, done);
      stream.removeListener('error', failed);
      stream.removeListener('close', failed);
    };
    stream.once(event, done);
    stream.once('error', failed);
    stream.once('close', failed);
  });
}
