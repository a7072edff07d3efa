// handler(app, options): a Lambda handler for every HTTP event source, for sync and async apps.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import type { AwsLambdaGlobal, LambdaContext, LambdaHttpResult, StreamingLambdaHandler } from './aws-types.js';
import { createColdStart } from './cold-start.js';
import { MESSAGES } from './errors.js';
import { type HandlerCore, invokeBuffered, invokeStreaming } from './invoke.js';
import { bindLog } from './log.js';
import { type HandlerOptions, resolveOptions } from './options.js';
import { createRunner } from './runners/registry.js';

/** Lifespan control every handler carries besides being callable. */
export interface LifespanControl {
  /**
   * Runs lifespan startup now instead of before the first event — e.g. with top-level await in an
   * ESM handler file, so it runs in Lambda's init phase. Rejects with the app's LifespanError.
   */
  startup(): Promise<void>;
  /** Runs lifespan shutdown (tests, custom runtimes); on Lambda, SIGTERM triggers it. */
  shutdown(): Promise<void>;
}

/** A buffered Lambda handler. */
export interface LambdaHandler extends LifespanControl {
  (event: unknown, context: LambdaContext): Promise<LambdaHttpResult>;
}

/** A streaming Lambda handler, as `awslambda.streamifyResponse` returns it. */
export interface StreamingHandler extends StreamingLambdaHandler, LifespanControl {}

/**
 * Turns a tsgi app (sync or async) into a Lambda handler for API Gateway REST and HTTP APIs, ALB and
 * Function URLs; the source is detected from each event.
 *
 * @example
 * // handler.mjs — Lambda handler setting: handler.handler
 * import { handler as toHandler } from '@tsgi/aws-lambda';
 * import { app } from './app.js';
 * export const handler = toHandler(app, { basePath: '/api' });
 */
export function handler(app: SyncApp | AsyncApp, options?: HandlerOptions & { streaming?: false }): LambdaHandler;
export function handler(app: SyncApp | AsyncApp, options: HandlerOptions): LambdaHandler | StreamingHandler;
export function handler(app: SyncApp | AsyncApp, options: HandlerOptions = {}): LambdaHandler | StreamingHandler {
  const resolved = resolveOptions(app, options);
  // Lambda runs one invocation at a time per environment: lifespan messages take the current id.
  let currentRequestId: string | undefined;
  const core: HandlerCore = {
    options: resolved,
    runner: createRunner(app, resolved.interface),
    coldStart: createColdStart(app, resolved, (level, message, error) => bindLog(resolved.log, currentRequestId)(level, message, error)),
    logFor: (context) => {
      currentRequestId = context?.awsRequestId;
      return bindLog(resolved.log, currentRequestId);
    },
  };
  const control: LifespanControl = { startup: () => core.coldStart.startup(), shutdown: () => core.coldStart.shutdown() };
  const awslambda = (globalThis as { awslambda?: AwsLambdaGlobal }).awslambda;
  if (resolved.streaming && awslambda) {
    const streaming = awslambda.streamifyResponse((event, responseStream, context) =>
      invokeStreaming(core, awslambda, event, responseStream, context),
    );
    return Object.assign(streaming, control);
  }
  if (resolved.streaming) resolved.log('warn', MESSAGES.streamingUnavailable, { requestId: undefined });
  return Object.assign((event: unknown, context: LambdaContext) => invokeBuffered(core, event, context), control);
}
