// N worker threads, each with the app loaded, running one request at a time; requests beyond N wait
// (wait-queue.ts decides who goes next). A thread that hangs past the timeout or dies is replaced,
// and its request fails. One more thread, the reserve, is started the first time a request finds
// every thread busy, and runs only cheap requests: however long the app's slow requests keep the N
// threads, a load balancer's probe is not queued behind them.
import type { HTTPScope, LogFn, Receive, Send } from '@tsgi/async';
import { Worker } from 'node:worker_threads';
import { AppLoadError } from '../errors.js';
import { PROCESS_MESSAGES } from '../process/messages.js';
import { createChannel } from './channel.js';
import { Exchange } from './exchange.js';
import { WaitQueue } from './wait-queue.js';
import type { RequestParts, RunMessage, ThreadData, ThreadMessage } from './protocol.js';

/** Options of {@link ThreadPool}. */
export interface ThreadPoolOptions {
  /** How many threads. */
  size: number;
  /** The app as MODULE[:EXPORT], loaded in every thread. */
  spec: string;
  cwd: string;
  /** A request whose thread makes no progress this long fails and the thread is replaced; 0: never. */
  timeoutMs: number;
  /** tsgi.multiprocess for the environ. */
  multiprocess: boolean;
  log: LogFn;
  /** The thread entry. @default dist/thread.js beside this bundle */
  entry?: URL;
}

interface PoolThread {
  worker: Worker;
  current: Exchange | null;
  /** The route of the request it runs, to learn its cost. */
  route: string;
  /** tsgi.errors text not yet ended by a newline. */
  errors: string;
  /** The reserve thread: cheap requests only, at normal priority. */
  reserve: boolean;
}

const RETRY_MS = 1000;
/** A route expected to keep a thread at most this long (ms) may run on the reserve thread. */
export const CHEAP_MS = 2;

/**
 * The pool behind `--threads`.
 *
 * @example
 * const pool = new ThreadPool({ size: 4, spec: 'app.js', cwd, timeoutMs: 30_000, multiprocess: false, log });
 * await pool.start(); // rejects with AppLoadError when the app does not load
 * await pool.run(scope, receive, send);
 */
export class ThreadPool {
  private readonly threads = new Set<PoolThread>();
  private readonly idle: PoolThread[] = [];
  private readonly waiting = new WaitQueue<(thread: PoolThread) => void>();
  private nextId = 1;
  private closed = false;
  /** The reserve thread while it is free; null while it runs a request or does not exist. */
  private reserveIdle: PoolThread | null = null;
  /** Whether the reserve thread exists or is booting. */
  private reserveStarted = false;
  /** performance.now() before which a reserve that failed to boot is not tried again. */
  private reserveRetryAt = 0;

  constructor(private readonly options: ThreadPoolOptions) {}

  /** Boots every thread; rejects with AppLoadError if the app does not load in one. */
  async start(): Promise<void> {
    try {
      await Promise.all(Array.from({ length: this.options.size }, () => this.spawn().then((thread) => this.release(thread))));
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  /** Runs one HTTP request on the next free thread. */
  async run(scope: HTTPScope, receive: Receive, send: Send): Promise<void> {
    // One route is a method and a path; the query does not change what runs.
    const route = `${scope.method} ${scope.rawPath}`;
    const thread = await this.acquire(route);
    thread.route = route;
    const id = this.nextId++;
    const buffer = createChannel(mayHaveBody(scope));
    const exchange = new Exchange(id, `${scope.method} ${scope.rawPath}`, buffer, receive, send, this.options.timeoutMs, (stuck) => this.hung(thread, stuck));
    thread.current = exchange;
    const message: RunMessage = { type: 'run', id, request: requestParts(scope), buffer };
    thread.worker.postMessage(message);
    return exchange.done;
  }

  /** Terminates every thread; requests in progress fail. */
  async close(): Promise<void> {
    this.closed = true;
    const threads = [...this.threads];
    this.threads.clear();
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }

  private acquire(route: string): Promise<PoolThread> {
    const thread = this.idle.pop();
    if (thread) return Promise.resolve(thread);
    const reserve = this.reserveIdle;
    if (reserve && this.isCheap(route)) {
      this.reserveIdle = null;
      return Promise.resolve(reserve);
    }
    // Booted the first time the threads are saturated, so it is ready before the next health check.
    this.startReserve();
    return new Promise((resolve) => this.waiting.push(route, resolve, performance.now()));
  }

  /** Frees a thread; `ms` is how long its request kept it, as the thread timed it. */
  private release(thread: PoolThread, ms?: number): void {
    const now = performance.now();
    if (thread.current && ms !== undefined) this.waiting.learn(thread.route, ms);
    thread.current = null;
    if (this.closed || !this.threads.has(thread)) return;
    if (thread.reserve) {
      const next = this.waiting.take(now, CHEAP_MS);
      if (next) next(thread);
      else this.reserveIdle = thread;
      return;
    }
    const next = this.waiting.take(now);
    if (next) next(thread);
    else this.idle.push(thread);
  }

  /** Only a route already seen to be cheap: an unknown one might block the reserve for long. */
  private isCheap(route: string): boolean {
    const cost = this.waiting.known(route);
    return cost !== undefined && cost <= CHEAP_MS;
  }

  private startReserve(): void {
    if (this.reserveStarted || this.closed || performance.now() < this.reserveRetryAt) return;
    this.reserveStarted = true;
    this.spawn(true).then(
      (thread) => this.release(thread),
      (error: unknown) => {
        this.reserveStarted = false;
        this.reserveRetryAt = performance.now() + RETRY_MS;
        this.options.log('error', error instanceof Error ? error.message : String(error));
      },
    );
  }

  private spawn(reserve = false): Promise<PoolThread> {
    const { spec, cwd, multiprocess } = this.options;
    const data: ThreadData = { spec, cwd, multiprocess, reserve };
    const worker = new Worker(this.options.entry ?? new URL('./thread.js', import.meta.url), { workerData: data });
    const thread: PoolThread = { worker, current: null, route: '', errors: '', reserve };
    this.threads.add(thread);
    return new Promise((resolve, reject) => {
      let booted = false;
      worker.on('message', (message: ThreadMessage) => {
        if (message.type === 'ready') {
          booted = true;
          resolve(thread);
        } else if (message.type === 'boot-failed') {
          this.threads.delete(thread);
          void worker.terminate();
          reject(new AppLoadError(PROCESS_MESSAGES.threadBootFailed(message.message), { module: spec }));
        } else if (message.type === 'errors') {
          this.logErrors(thread, message.text);
        } else if (thread.current?.id === message.id) {
          const current = thread.current;
          // The thread posts its last message after close() ran: it is free for the next request.
          if (message.type === 'end' || message.type === 'whole' || message.type === 'error' || message.type === 'refused') this.release(thread, message.ms);
          current.handle(message);
        }
      });
      worker.on('error', (error) => (booted ? this.died(thread, error.message) : reject(error)));
      worker.on('exit', (code) => (booted ? this.died(thread, `exit code ${code}`) : reject(new AppLoadError(PROCESS_MESSAGES.threadBootFailed(`exit code ${code}`), { module: spec }))));
    });
  }

  /** tsgi.errors goes to the server log one line at a time, as on the event loop (@tsgi/node). */
  private logErrors(thread: PoolThread, text: string): void {
    const lines = (thread.errors + text).split('\n');
    thread.errors = lines.pop() ?? '';
    for (const line of lines) this.options.log('warn', line);
  }

  private hung(thread: PoolThread, exchange: Exchange): void {
    const message = PROCESS_MESSAGES.threadTimedOut(this.options.timeoutMs / 1000, exchange.label);
    this.options.log('error', message);
    this.retire(thread);
    exchange.fail(withoutStack(new Error(message)));
  }

  private died(thread: PoolThread, reason: string): void {
    if (!this.threads.has(thread)) return;
    const current = thread.current;
    this.options.log('error', PROCESS_MESSAGES.threadDied(reason, current?.label ?? null));
    this.retire(thread);
    current?.fail(withoutStack(new Error(PROCESS_MESSAGES.threadDied(reason, current.label))));
  }

  /** Takes the thread out, terminates it and starts its replacement (the reserve's when next needed). */
  private retire(thread: PoolThread): void {
    this.threads.delete(thread);
    const index = this.idle.indexOf(thread);
    if (index !== -1) this.idle.splice(index, 1);
    thread.current = null;
    void thread.worker.terminate();
    if (!thread.reserve) {
      this.replace();
      return;
    }
    if (this.reserveIdle === thread) this.reserveIdle = null;
    this.reserveStarted = false;
  }

  private replace(): void {
    if (this.closed) return;
    this.spawn().then(
      (thread) => this.release(thread),
      (error: unknown) => {
        this.options.log('error', error instanceof Error ? error.message : String(error));
        setTimeout(() => this.replace(), RETRY_MS).unref();
      },
    );
  }
}

/** The pool's own stack says nothing about the app: the log line is the message alone. */
function withoutStack(error: Error): Error {
  error.stack = `${error.name}: ${error.message}`;
  return error;
}

/** HTTP/1.x states its body framing up front; HTTP/2 and 3 may send a body without Content-Length. */
function mayHaveBody(scope: HTTPScope): boolean {
  let length: string | undefined;
  for (const [name, value] of scope.headers) {
    if (name === 'transfer-encoding') return true;
    if (name === 'content-length') length = value;
  }
  if (length !== undefined) return Number(length) > 0;
  return scope.httpVersion === '2' || scope.httpVersion === '3';
}

function requestParts(scope: HTTPScope): RequestParts {
  const request: RequestParts = {
    method: scope.method,
    target: scope.queryString === '' ? scope.rawPath : `${scope.rawPath}?${scope.queryString}`,
    headers: scope.headers,
    httpVersion: scope.httpVersion,
    scheme: scope.scheme,
    rootPath: scope.rootPath,
    bodyTerminated: true,
  };
  if (scope.server) {
    request.serverName = scope.server[0];
    if (scope.server[1] !== null) request.serverPort = scope.server[1];
  }
  if (scope.client) {
    request.remoteAddr = scope.client[0];
    if (scope.client[1] !== null) request.remotePort = scope.client[1];
  }
  return request;
}
