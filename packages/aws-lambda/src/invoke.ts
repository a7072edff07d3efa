// One invocation, start to finish: find the event's source, translate, run the app, translate back.
// Unknown throws are normalised here and nowhere else (STYLE.md: one boundary per host).
import type { LogFn } from '@tsgi/async';
import type { AwsLambdaGlobal, LambdaContext, LambdaHttpResult, LambdaResponseStream } from './aws-types.js';
import type { ColdStart } from './cold-start.js';
import { MESSAGES, UnknownEventError, isMalformedEventError } from './errors.js';
import { errorParts, keysOf, toLambdaRequest, toResponseParts } from './event-sources/base.js';
import { type AnyEventSource, findEventSource } from './event-sources/registry.js';
import type { LambdaRequest } from './event-sources/types.js';
import type { ResolvedOptions } from './options.js';
import { sendError } from './runners/send-error.js';
import type { Runner } from './runners/types.js';
import { BufferedSink } from './sinks/buffered-sink.js';
import { StreamSink } from './sinks/stream-sink.js';
import type { ResponseSink } from './sinks/types.js';

/** Everything a handler resolved once, shared by its invocations. */
export interface HandlerCore {
  options: ResolvedOptions;
  runner: Runner;
  coldStart: ColdStart;
  /** A log bound to this invocation's request id. */
  logFor(context: LambdaContext | undefined): LogFn;
}

type Prepared = { source: AnyEventSource; request: LambdaRequest } | { source: AnyEventSource; failed: true };

/** Finds the source and reads the event; an unknown event throws, a malformed one is logged. */
function prepare(core: HandlerCore, event: unknown, log: LogFn): Prepared {
  const source = findEventSource(event);
  if (!source) {
    const error = new UnknownEventError(keysOf(event));
    log('error', error.message);
    throw error;
  }
  try {
    return { source, request: toLambdaRequest(source, event as object, core.options) };
  } catch (error) {
    if (!isMalformedEventError(error)) throw error;
    log('error', error.message, error);
    return { source, failed: true };
  }
}

/** Runs the app into `sink`; nothing to await when it all happened synchronously. */
function serve(core: HandlerCore, request: LambdaRequest, event: unknown, context: LambdaContext, log: LogFn, sink: ResponseSink): void | Promise<void> {
  // Warm invocations go straight to the app: no await on a startup that already succeeded.
  if (core.coldStart.isReady) return run(core, request, event, context, log, sink);
  return core.coldStart.ready().then((ready) => (ready ? run(core, request, event, context, log, sink) : sendError(sink, new Error(MESSAGES.lifespanFailed), log)));
}

function run(core: HandlerCore, request: LambdaRequest, event: unknown, context: LambdaContext, log: LogFn, sink: ResponseSink): void | Promise<void> {
  // A runner never fails for the app's errors; a failure here is the host's, answered the same way.
  const failed = (error: unknown) => sendError(sink, error, log);
  let pending: void | Promise<void>;
  try {
    pending = core.runner(request, { event, context, log, state: core.coldStart.state }, sink);
  } catch (error) {
    return failed(error);
  }
  return pending?.then(undefined, failed);
}

/** Runs one invocation to a buffered JSON result in the shape the event's source accepts. */
export function invokeBuffered(core: HandlerCore, event: unknown, context: LambdaContext): Promise<LambdaHttpResult> {
  try {
    const log = core.logFor(context);
    const prepared = prepare(core, event, log);
    const { source } = prepared;
    const sourceLog = (level: 'warn' | 'error', message: string) => log(level, message);
    if ('failed' in prepared) return Promise.resolve(source.result(errorParts(500, 'Internal Server Error'), event as object, sourceLog));
    const sink = new BufferedSink();
    const finish = (): LambdaHttpResult => {
      let response;
      try {
        response = sink.result();
      } catch (error) {
        log('error', (error as Error).message, (error as Error).cause);
        throw error;
      }
      const parts = toResponseParts(response.status, response.headers, response.body, core.options.isBinary);
      return source.result(parts, event as object, sourceLog);
    };
    const served = serve(core, prepared.request, event, context, log, sink);
    // A sync app into this sink finishes before serve returns: the result is ready without a hop.
    return served === undefined ? Promise.resolve(finish()) : served.then(finish);
  } catch (error) {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes on what was thrown, as it was
    return Promise.reject(error);
  }
}

/**
 * Runs one invocation onto Lambda's response stream. Sources that cannot stream (HTTP APIs, ALB)
 * get their ordinary JSON result written to the stream, which is what Lambda hands them anyway.
 */
export async function invokeStreaming(
  core: HandlerCore,
  awslambda: AwsLambdaGlobal,
  event: unknown,
  responseStream: LambdaResponseStream,
  context: LambdaContext,
): Promise<void> {
  const source = findEventSource(event);
  if (!source?.streams || !source.prelude) {
    const result = await invokeBuffered(core, event, context);
    await writeAll(responseStream, JSON.stringify(result));
    return;
  }
  const log = core.logFor(context);
  const prelude = source.prelude.bind(source);
  const sink = new StreamSink(awslambda, responseStream, (status, headers) => {
    const { status: statusCode, headers: rest, cookies } = toResponseParts(status, headers, new Uint8Array(0), undefined);
    return prelude({ status: statusCode, headers: rest, cookies }, event as object);
  });
  const prepared = prepare(core, event, log);
  if ('failed' in prepared) return sendError(sink, new Error('malformed event'), () => undefined);
  await serve(core, prepared.request, event, context, log, sink);
  sink.check();
}

function writeAll(stream: LambdaResponseStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.write(text);
    stream.once('finish', () => resolve());
    stream.end();
  });
}
