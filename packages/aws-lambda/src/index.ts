// @tsgi/aws-lambda: run any tsgi app on AWS Lambda (API Gateway v1/v2, ALB, Function URLs).

// The handler
export { handler } from './handler.js';
export type { LambdaHandler, LifespanControl, StreamingHandler } from './handler.js';
export type { HandlerOptions } from './options.js';
export type { AppInterface } from './runners/registry.js';
export type { BinaryHook, BinaryInfo } from './internal/binary.js';
export { isTextType } from './internal/binary.js';
export type { LambdaLogFn, LogDetails } from './log.js';

// Where the app finds the raw event and context
export { SCOPE_EXTENSION } from './runners/async.js';
export { ENVIRON_CONTEXT, ENVIRON_EVENT } from './runners/sync.js';

// Errors
export {
  LambdaOptionsError,
  MESSAGES,
  MalformedEventError,
  ResponseAbortedError,
  UnknownEventError,
  isMalformedEventError,
  isResponseAbortedError,
  isUnknownEventError,
} from './errors.js';

// AWS shapes (minimal local declarations; no @types/aws-lambda in published types)
export type {
  AlbEvent,
  AlbResult,
  ApiGatewayV1Event,
  ApiGatewayV1Result,
  ApiGatewayV2Event,
  ApiGatewayV2Result,
  AwsLambdaGlobal,
  FunctionUrlEvent,
  FunctionUrlResult,
  HttpResponseStreamPrelude,
  LambdaContext,
  LambdaHttpEvent,
  LambdaHttpResult,
  LambdaResponseStream,
  MultiValueMap,
  StreamingLambdaHandler,
  StringMap,
} from './aws-types.js';
