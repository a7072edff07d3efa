// The messages between the pool (event loop) and a thread. Bytes that must block travel through
// channel.ts; everything else is a structured-clone message on the worker's port.
import type { EnvironRequest, HeaderList } from '@tsgi/sync';

/** What the thread needs to load the app (workerData). */
export interface ThreadData {
  /** MODULE[:EXPORT]. */
  spec: string;
  cwd: string;
  /** Serve multiprocess: true in the environ (several worker processes). */
  multiprocess: boolean;
  /** The pool's reserve thread (cheap requests only): it keeps the event loop's priority. */
  reserve: boolean;
}

/** The request parts that can cross a thread boundary (no streams, no functions). */
export type RequestParts = Omit<EnvironRequest, 'body' | 'errors' | 'fileWrapper' | 'extra'>;

/** Pool → thread: run one request. */
export interface RunMessage {
  type: 'run';
  id: number;
  request: RequestParts;
  buffer: SharedArrayBuffer;
}

/** An error as it crosses threads. */
export interface ErrorData {
  name: string;
  message: string;
  stack: string | undefined;
}

/**
 * Thread → pool. Every request ends with exactly one 'end', 'whole', 'refused' or 'error', after
 * close() ran; its `ms` is how long the request kept the thread, timed in the thread (the pool's own
 * clock would add the hops between threads, which grow on a busy machine).
 */
export type ThreadMessage =
  | { type: 'ready' }
  | { type: 'boot-failed'; message: string }
  /** Text the app wrote to tsgi.errors. */
  | { type: 'errors'; text: string }
  | { type: 'want'; id: number }
  | { type: 'start'; id: number; status: number; headers: HeaderList }
  | { type: 'body'; id: number; chunk: Uint8Array }
  | { type: 'end'; id: number; ms: number }
  /** The whole response in one message: a body that ended within the first window, close() done. */
  | { type: 'whole'; id: number; status: number; headers: HeaderList; chunks: Uint8Array[]; ms: number }
  | { type: 'refused'; id: number; status: number; headers: HeaderList; body: Uint8Array; ms: number }
  | { type: 'error'; id: number; error: ErrorData; ms: number };

/** Flattens an error for postMessage. */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error), stack: undefined };
}

/** Rebuilds an error on the pool's side, keeping its name and the thread's stack. */
export function fromErrorData(data: ErrorData): Error {
  const error = new Error(data.message);
  error.name = data.name;
  if (data.stack !== undefined) error.stack = data.stack;
  return error;
}
