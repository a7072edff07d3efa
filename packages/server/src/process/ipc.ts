// What the supervisor and its workers say to each other: IPC messages over node:cluster's channel,
// and heartbeat lines on a pipe of their own (heartbeat.ts says why a pipe).

/** The file descriptor a worker writes heartbeat lines to (stdio index 4; 3 is cluster's IPC). */
export const HEARTBEAT_FD = 4;

/** The environment variable that carries the resolved config to a worker (JSON; removed on read). */
export const CONFIG_VARIABLE = 'TSGI_WORKER_CONFIG';

/** Worker → supervisor. */
export type WorkerMessage =
  /** Lifespan startup done and listening: the worker may be counted on. */
  | { tsgi: 'ready'; url: string }
  /** The app did not import, or lifespan startup failed; the worker exits next. */
  | { tsgi: 'boot-failed'; message: string }
  /** --max-requests (plus this worker's jitter) reached: replace me; I serve until told to stop. */
  | { tsgi: 'retire'; served: number };

/** Supervisor → worker: stop gracefully (as on SIGTERM). */
export interface StopMessage {
  tsgi: 'stop';
}

/** True for a message from a tsgi worker (cluster also carries its own internal messages). */
export function isWorkerMessage(value: unknown): value is WorkerMessage {
  return typeof value === 'object' && value !== null && typeof (value as { tsgi?: unknown }).tsgi === 'string';
}

/** One heartbeat: how long the worker's event loop has been silent, and the request it last ran. */
export interface Heartbeat {
  /** Milliseconds since the worker's event loop last ticked. */
  lagMs: number;
  /** 'GET /path' of the request most recently started or resumed, or '-' before the first one. */
  request: string;
}

/**
 * Parses one heartbeat line: '<lag ms> <request>'.
 *
 * @example
 * parseHeartbeat('2004 GET /spin'); // { lagMs: 2004, request: 'GET /spin' }
 */
export function parseHeartbeat(line: string): Heartbeat | null {
  const space = line.indexOf(' ');
  const lagMs = Number(space === -1 ? line : line.slice(0, space));
  if (!Number.isFinite(lagMs)) return null;
  return { lagMs, request: space === -1 ? '-' : line.slice(space + 1) || '-' };
}
