// Async apps run through @tsgi/async's runHttp: the one HTTP cycle every host shares.
import { type AsyncApp, type HeaderList, type HttpTransport, type LogFn, createScope, runHttp, withoutConnectionFields } from '@tsgi/async';
import type { ResponseSink } from '../sinks/types.js';
import type { Runner } from './types.js';

/** The scope extension that carries the raw event and context: `scope.extensions['aws.lambda']`. */
export const SCOPE_EXTENSION = 'aws.lambda';

// Lambda never tells a function that its client went away: the response is collected either way.
// A fresh promise per invocation: runHttp attaches a reaction to `closed`, and a promise shared by
// every invocation would keep each one's scope, event and response alive for the life of the
// execution environment (the heap grew without bound across warm invocations).
const never = (): Promise<void> => new Promise<void>(() => undefined);

/** One invocation's transport: the body Lambda already buffered in, the sink out. One object per event. */
class LambdaTransport implements HttpTransport {
  readonly closed = never();

  constructor(
    private body: Uint8Array | null,
    private readonly sink: ResponseSink,
    readonly log: LogFn,
  ) {}

  read(): Promise<Uint8Array | null> {
    const chunk = this.body;
    this.body = null;
    return Promise.resolve(chunk);
  }

  start(status: number, headers: HeaderList): void | Promise<void> {
    // async §3.4 rule 4: API Gateway, the ALB and Function URLs frame the response themselves.
    return this.sink.start(status, withoutConnectionFields(headers));
  }

  write(chunk: Uint8Array): Promise<void> {
    return this.sink.write(chunk);
  }

  flush(): Promise<void> {
    return this.sink.flush();
  }

  end(): Promise<void> {
    return this.sink.end();
  }

  abort(error: unknown): void {
    this.sink.abort(error);
  }
}

/** A runner for an async app. */
export function asyncRunner(app: AsyncApp): Runner {
  return (request, invocation, sink) => {
    const scope = createScope({
      method: request.method,
      target: request.target,
      headers: request.headers,
      httpVersion: request.httpVersion,
      scheme: request.scheme,
      rootPath: request.rootPath,
      client: request.client,
      server: request.server,
      state: invocation.state,
      extensions: { [SCOPE_EXTENSION]: { event: invocation.event, context: invocation.context } },
    });
    const body = request.body.byteLength > 0 ? request.body : null;
    return runHttp(app, scope, new LambdaTransport(body, sink, invocation.log));
  };
}
