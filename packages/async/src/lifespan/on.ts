// Lifespan 'on' and 'auto': runs the app's lifespan scope beside the server (async §5).
import { LifespanError, isAsyncSpecError } from '../errors.js';
import { TSGI_VERSION } from '../create-scope.js';
import { expectPromise } from '../internal/checks.js';
import { deferred, type Deferred } from '../internal/deferred.js';
import { LifespanProtocol, type LifespanOutput } from '../internal/lifespan-protocol.js';
import { LIFESPAN_MESSAGES } from '../messages.js';
import { defaultLog, type LogFn } from '../transport.js';
import type { AsyncApp, Receive, Send } from '../types/app.js';
import type { State } from '../types/common.js';
import type { LifespanReceiveEvent, LifespanScope } from '../types/lifespan.js';
import { clearTimeout, setTimeout } from '../internal/runtime.js';
import type { Lifespan, LifespanOptions } from './lifespan.js';

/** LifespanOptions.timeout's default: Hypercorn's bound for startup and for shutdown. */
const DEFAULT_LIFESPAN_TIMEOUT = 60_000;

type Outcome =
  | { kind: 'answer'; output: LifespanOutput }
  | { kind: 'exit'; failed: boolean; error: unknown }
  | { kind: 'timeout'; ms: number };

/** A lifespan that runs the app (async §5, modes 'on' and 'auto'). */
export class LifespanOn implements Lifespan {
  readonly state: State;
  private readonly protocol = new LifespanProtocol();
  private readonly log: LogFn;
  private readonly inbox: LifespanReceiveEvent[] = [];
  private waiter: Deferred<void> | null = null;
  private answer: Deferred<LifespanOutput> = deferred();
  private readonly exited = deferred<Outcome>();
  private started: Promise<void> | null = null;
  private stopped: Promise<void> | null = null;
  private running = false;
  private readonly timeout: number;

  constructor(
    private readonly app: AsyncApp,
    private readonly mode: 'on' | 'auto',
    options: LifespanOptions,
  ) {
    this.state = options.state ?? {};
    this.log = options.log ?? defaultLog;
    this.timeout = options.timeout ?? DEFAULT_LIFESPAN_TIMEOUT;
  }

  startup(): Promise<void> {
    this.started ??= this.runStartup();
    return this.started;
  }

  shutdown(): Promise<void> {
    this.stopped ??= this.runShutdown();
    return this.stopped;
  }

  private async runStartup(): Promise<void> {
    const scope: LifespanScope = { type: 'lifespan', tsgi: { ...TSGI_VERSION }, state: this.state };
    this.running = true;
    void this.launch(scope);
    const outcome = await this.ask({ type: 'lifespan.startup' });
    if (outcome.kind === 'answer') {
      if (outcome.output.type === 'lifespan.startup.failed') throw new LifespanError('startup', outcome.output.message);
      return;
    }
    this.running = false;
    // async §2.6: an expired bound is a failure, also in 'auto' mode (the app did not return).
    if (outcome.kind === 'timeout') throw new LifespanError('startup', LIFESPAN_MESSAGES.timedOut('startup', outcome.ms));
    const { failed, error } = outcome;
    // async §5.5: in 'auto' mode an app that raises or returns before answering has no lifespan.
    if (this.mode === 'auto' && !isAsyncSpecError(error)) {
      this.log('info', "async §5.5: the app does not support 'lifespan'; going on without it", error);
      return;
    }
    if (failed) throw new LifespanError('startup', messageOf(error), { cause: error });
    throw new LifespanError('startup', LIFESPAN_MESSAGES.returnedBeforeStartup);
  }

  private async runShutdown(): Promise<void> {
    if (this.started) await this.started.catch(() => undefined);
    if (!this.running) return;
    const outcome = await this.ask({ type: 'lifespan.shutdown' });
    this.running = false;
    if (outcome.kind === 'answer') {
      if (outcome.output.type === 'lifespan.shutdown.failed') throw new LifespanError('shutdown', outcome.output.message);
      return;
    }
    if (outcome.kind === 'timeout') throw new LifespanError('shutdown', LIFESPAN_MESSAGES.timedOut('shutdown', outcome.ms));
    if (outcome.failed) throw new LifespanError('shutdown', messageOf(outcome.error), { cause: outcome.error });
  }

  /** Delivers an event and waits for the app's answer or its exit. */
  private ask(event: LifespanReceiveEvent): Promise<Outcome> {
    this.answer = deferred();
    this.protocol.receive(event);
    this.inbox.push(event);
    this.waiter?.resolve();
    const outcomes = [this.answer.promise.then((output): Outcome => ({ kind: 'answer', output })), this.exited.promise];
    if (this.timeout === Infinity) return Promise.race(outcomes);
    let timer: unknown;
    const ms = this.timeout;
    const expired = new Promise<Outcome>((resolve) => (timer = setTimeout(() => resolve({ kind: 'timeout', ms }), ms)));
    return Promise.race([...outcomes, expired]).finally(() => clearTimeout(timer));
  }

  private async launch(scope: LifespanScope): Promise<void> {
    try {
      await expectPromise(this.app(scope, this.receive, this.send));
      this.exited.resolve({ kind: 'exit', failed: false, error: undefined });
    } catch (error) {
      // After startup was answered nobody is waiting on the exit: report it here.
      if (this.protocol.startup === 'answered' && this.protocol.shutdown !== 'asked') {
        this.log('error', "async §5.5: the app raised in the 'lifespan' scope", error);
      }
      this.exited.resolve({ kind: 'exit', failed: true, error });
    } finally {
      this.running = false;
    }
  }

  private readonly receive: Receive = async () => {
    while (this.inbox.length === 0) {
      this.waiter = deferred();
      await this.waiter.promise;
    }
    return this.inbox.shift() as LifespanReceiveEvent;
  };

  private readonly send: Send = async (event) => {
    await Promise.resolve();
    this.answer.resolve(this.protocol.send(event));
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
