// Async apps run through @tsgi/async's runHttp: the one HTTP cycle every host shares.
import { type AsyncApp, createScope, runHttp } from '@tsgi/async';
import type { Runner } from './types.js';

// Lambda never tells a function that its client went away: the response is collected either way.
// A fresh promise per invocation: runHttp attaches a reaction to `closed`, and a promise shared by
// every invocation would keep each one's scope, event and response alive for the life of the
// execution environment (the heap grew without bound across warm invocations).
const never = (): Promise<void> => new Promise<void>(() => undefined);

/** The scope extension that carries the raw event and context: `scope.extensions['aws.lambda']`. */
export const SCOPE_EXTENSION = 'aws.lambda';

/** A runner for an async app. */
export function asyncRunner(app: AsyncApp): Runner {
  return async (request, invocation, sink) => {
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
    let body: Uint8Array | null = request.body.byteLength > 0 ? request.body : null;
    await runHttp(app, scope, {
      read: () => {
        const chunk = body;
        body = null;
        return Promise.resolve(chunk);
      },
      closed: never(),
      start: (status, headers) => sink.start(status, headers),
      write: (chunk) => sink.write(chunk),
      flush: () => sink.flush(),
      end: () => sink.end(),
      abort: (error) => sink.abort(error),
      log: invocation.log,
    });
  };
}
