// Sync apps run through @tsgi/sync's createEnviron and startApp; Lambda already buffered the body,
// so nothing here blocks on I/O.
import { type EnvironRequest, type SyncApp, type SyncResponse, createEnviron, createErrorStream, startApp } from '@tsgi/sync';
import type { LogFn } from '@tsgi/async';
import type { LambdaRequest } from '../event-sources/types.js';
import type { ResponseSink } from '../sinks/types.js';
import type { Invocation, Runner } from './types.js';
import { sendError } from './send-error.js';

/** Environ keys that carry the raw event and context (docs/deploy/aws-lambda.md). */
export const ENVIRON_EVENT = 'tsgi.lambda.event';
export const ENVIRON_CONTEXT = 'tsgi.lambda.context';

const AFTER_START = 'sync §6: the app failed after its response started';

// RFC 9110 §9.3.2, §15.3.5, §15.4.5: HEAD, 204 and 304 responses carry no body; close() still runs.
const hasBody = (method: string, status: number): boolean => method !== 'HEAD' && status >= 200 && status !== 204 && status !== 304;

function environRequest(request: LambdaRequest, invocation: Invocation): EnvironRequest {
  const environ: EnvironRequest = {
    method: request.method,
    target: request.target,
    headers: request.headers,
    body: request.body,
    bodyTerminated: false,
    httpVersion: request.httpVersion,
    scheme: request.scheme,
    rootPath: request.rootPath,
    // One request at a time per execution environment, many environments side by side.
    multithread: false,
    multiprocess: true,
    runOnce: false,
    errors: createErrorStream((text) => invocation.log('error', text.replace(/\n$/, ''))),
    extra: { [ENVIRON_EVENT]: invocation.event, [ENVIRON_CONTEXT]: invocation.context },
  };
  const { server, client } = request;
  if (server) {
    environ.serverName = server[0];
    environ.serverPort = server[1] ?? '';
  }
  if (client) environ.remoteAddr = client[0];
  return environ;
}

/** Relays a started response into a sink that finishes each call before returning: no awaits. */
function relayNow(method: string, response: SyncResponse, sink: ResponseSink, log: LogFn): void {
  try {
    void sink.start(response.statusCode, response.headers);
    if (hasBody(method, response.statusCode)) {
      for (let next = response.chunks.next(); !next.done; next = response.chunks.next()) void sink.write(next.value);
    }
    void sink.end();
  } catch (error) {
    log('error', AFTER_START, error);
    sink.abort(error);
  } finally {
    response.close();
  }
}

/** Relays a started response into a sink with backpressure (Lambda's response stream). */
async function relay(method: string, response: SyncResponse, sink: ResponseSink, log: LogFn): Promise<void> {
  try {
    await sink.start(response.statusCode, response.headers);
    if (hasBody(method, response.statusCode)) {
      for (let next = response.chunks.next(); !next.done; next = response.chunks.next()) await sink.write(next.value);
    }
    await sink.end();
  } catch (error) {
    log('error', AFTER_START, error);
    sink.abort(error);
  } finally {
    response.close();
  }
}

/** A runner for a sync app. */
export function syncRunner(app: SyncApp): Runner {
  return (request, invocation, sink) => {
    let response: SyncResponse;
    try {
      response = startApp(app, createEnviron(environRequest(request, invocation)));
    } catch (error) {
      return sendError(sink, error, invocation.log);
    }
    if (sink.synchronous) return relayNow(request.method, response, sink, invocation.log);
    return relay(request.method, response, sink, invocation.log);
  };
}
