// Sync apps run through @tsgi/sync's createEnviron and startApp; Lambda already buffered the body,
// so nothing here blocks on I/O.
import { type SyncApp, createEnviron, createErrorStream, startApp } from '@tsgi/sync';
import type { Runner } from './types.js';
import { sendError } from './send-error.js';

/** Environ keys that carry the raw event and context (docs/deploy/aws-lambda.md). */
export const ENVIRON_EVENT = 'tsgi.lambda.event';
export const ENVIRON_CONTEXT = 'tsgi.lambda.context';

// RFC 9110 §9.3.2, §15.3.5, §15.4.5: HEAD, 204 and 304 responses carry no body; close() still runs.
const hasBody = (method: string, status: number): boolean => method !== 'HEAD' && status >= 200 && status !== 204 && status !== 304;

/** A runner for a sync app. */
export function syncRunner(app: SyncApp): Runner {
  return async (request, invocation, sink) => {
    const server = request.server;
    let response: ReturnType<typeof startApp>;
    try {
      const environ = createEnviron({
        method: request.method,
        target: request.target,
        headers: request.headers,
        body: request.body,
        bodyTerminated: false,
        httpVersion: request.httpVersion,
        scheme: request.scheme,
        rootPath: request.rootPath,
        ...(server ? { serverName: server[0], serverPort: server[1] ?? '' } : {}),
        ...(request.client ? { remoteAddr: request.client[0] } : {}),
        // One request at a time per execution environment, many environments side by side.
        multithread: false,
        multiprocess: true,
        runOnce: false,
        errors: createErrorStream((text) => invocation.log('error', text.replace(/\n$/, ''))),
        extra: { [ENVIRON_EVENT]: invocation.event, [ENVIRON_CONTEXT]: invocation.context },
      });
      response = startApp(app, environ);
    } catch (error) {
      await sendError(sink, error, invocation.log);
      return;
    }
    try {
      await sink.start(response.statusCode, response.headers);
      if (hasBody(request.method, response.statusCode)) {
        for (let next = response.chunks.next(); !next.done; next = response.chunks.next()) await sink.write(next.value);
      }
      await sink.end();
    } catch (error) {
      invocation.log('error', 'sync §6: the app failed after its response started', error);
      sink.abort(error);
    } finally {
      response.close();
    }
  };
}
