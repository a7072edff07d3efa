// A runner serves one request through one kind of app into a sink. Chosen once per handler by the
// app's interface (STYLE.md: a registry key, not if chains).
import type { LogFn, State } from '@tsgi/async';
import type { LambdaContext } from '../aws-types.js';
import type { LambdaRequest } from '../event-sources/types.js';
import type { ResponseSink } from '../sinks/types.js';

/** What one invocation knows besides the request. */
export interface Invocation {
  event: unknown;
  context: LambdaContext;
  log: LogFn;
  /** Lifespan state, shared by every invocation in this execution environment. */
  state: State;
}

/**
 * Serves one request; never rejects for app errors (500 before the head, abort after it). Returns
 * nothing when it finished synchronously (a sync app into a buffered sink).
 */
export type Runner = (request: LambdaRequest, invocation: Invocation, sink: ResponseSink) => void | Promise<void>;
