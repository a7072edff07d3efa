// @tsgi/sync: the sync gateway interface (docs/spec/sync.md).

// Types
export type {
  Environ,
  ErrorStream,
  FileWrapper,
  FileWrapperFactory,
  HeaderList,
  InputStream,
  ResponseBody,
  StartResponse,
  SyncApp,
  SyncSpecVersion,
  WriteFn,
} from './types.js';

// Errors and their messages
export { RequestError, SyncSpecError, isRequestError, isSyncSpecError } from './errors.js';
export type { ErrorResponse, TsgiErrorOptions } from './errors.js';
export { messages } from './all-messages.js';

// Building an environ (hosts)
export { createEnviron } from './environ.js';
export type { EnvironRequest } from './environ.js';
export type { UnderscoreHeaders } from './request-headers.js';
export { parseRequestTarget } from './request-target.js';
export { trimFieldValue } from './field-value.js';
export type { ParsedRequestTarget, RequestTarget, TargetProblem } from './request-target.js';
export { createInputStream } from './input-stream.js';
export type { InputStreamOptions, PullBytes } from './input-stream.js';
export { createBufferedInput } from './buffered-input.js';
export type { BufferedInputOptions } from './buffered-input.js';
export { createConsoleErrorStream, createErrorStream } from './error-stream.js';
export { createFileWrapperFactory, isFileWrapper } from './file-wrapper.js';
export type { ReadFileBlocks } from './file-wrapper.js';

// Running an app (hosts)
export { startApp } from './start-app.js';
export type { SyncResponse } from './start-app.js';
export { HOP_BY_HOP_HEADERS, checkHeaders, checkStatus } from './response-head.js';

// Checking apps and servers
export { validate } from './validate/validate.js';

// Testing
export { callApp } from './call-app.js';
export type { CallAppRequest, CallAppResult } from './call-app.js';
