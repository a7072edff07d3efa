// Every error @tsgi/aws-lambda raises. Guards check `.name`, not instanceof (STYLE.md: Errors).

/** Message texts, so tests assert on the constant rather than copying its words. */
export const MESSAGES = {
  unknownEvent: (keys: string[]) =>
    `aws-lambda: the event is not an HTTP event from API Gateway (REST or HTTP API), an ALB or a Function URL; keys seen: [${keys.join(', ')}]`,
  malformedEvent: (source: string, key: string, keys: string[]) =>
    `aws-lambda: ${source} event has no valid '${key}'; keys seen: [${keys.join(', ')}]`,
  badBasePath: (basePath: string) => `aws-lambda: basePath must be a path such as '/api', got '${basePath}'`,
  badInterface: (value: string) => `aws-lambda: interface must be 'sync', 'async' or 'auto', got '${value}'`,
  streamingUnavailable:
    "aws-lambda: streaming was asked for, but the 'awslambda' global (Lambda's Node.js runtime) is missing; responses are buffered",
  albSingleValueCookies: (kept: string, dropped: string[]) =>
    `aws-lambda: ALB single-value header mode carries one Set-Cookie; sent '${kept}', dropped [${dropped.join(', ')}] (enable multi-value headers on the target group)`,
  responseAborted: 'aws-lambda: the app failed after its response started; the response is incomplete',
  lifespanFailed: 'aws-lambda: lifespan startup failed; answering 500 until the next cold start',
} as const;

/** The event is not one of the HTTP event sources this package translates. */
export class UnknownEventError extends Error {
  override name = 'UnknownEventError' as const;
  readonly code = 'unknown_event';
  /** The event's top-level keys, to tell what sent it. */
  readonly keys: string[];
  constructor(keys: string[], options?: { cause?: unknown }) {
    super(MESSAGES.unknownEvent(keys), options);
    this.keys = keys;
  }
}

/** The event looks like a known source but lacks a field that source always sends. */
export class MalformedEventError extends Error {
  override name = 'MalformedEventError' as const;
  readonly code = 'malformed_event';
  readonly status = 500;
  readonly source: string;
  /** The dotted path of the missing or invalid field, e.g. `requestContext.http.method`. */
  readonly key: string;
  readonly keys: string[];
  constructor(source: string, key: string, keys: string[], options?: { cause?: unknown }) {
    super(MESSAGES.malformedEvent(source, key, keys), options);
    this.source = source;
    this.key = key;
    this.keys = keys;
  }
}

/** The app failed after the response started: a buffered response cannot be completed honestly. */
export class ResponseAbortedError extends Error {
  override name = 'ResponseAbortedError' as const;
  readonly code = 'response_aborted';
  constructor(options?: { cause?: unknown }) {
    super(MESSAGES.responseAborted, options);
  }
}

/** An invalid option passed to `handler()`; thrown at once, at the call that made the mistake. */
export class LambdaOptionsError extends Error {
  override name = 'LambdaOptionsError' as const;
  readonly code = 'bad_option';
  readonly option: string;
  constructor(option: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.option = option;
  }
}

function hasName(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}

/** Whether `error` is an `UnknownEventError` (by name, across copies of the package). */
export function isUnknownEventError(error: unknown): error is UnknownEventError {
  return hasName(error, 'UnknownEventError');
}

/** Whether `error` is a `MalformedEventError` (by name, across copies of the package). */
export function isMalformedEventError(error: unknown): error is MalformedEventError {
  return hasName(error, 'MalformedEventError');
}

/** Whether `error` is a `ResponseAbortedError` (by name, across copies of the package). */
export function isResponseAbortedError(error: unknown): error is ResponseAbortedError {
  return hasName(error, 'ResponseAbortedError');
}
