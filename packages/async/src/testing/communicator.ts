// asgiref's ApplicationCommunicator, for tsgi: drive an app event by event in a test.
import type { AsyncApp, ReceiveEvent, Scope, SendEvent } from '../types/app.js';
import { deferred, type Deferred } from '../internal/deferred.js';
import { clearTimeout, setTimeout } from '../internal/runtime.js';
import { CommunicatorTimeout } from '../errors.js';

/**
 * Runs an app on a scope and lets a test feed it events and read what it sends.
 *
 * @example
 * const app = new ApplicationCommunicator(myApp, createScope({ method: 'GET', target: '/', headers: [] }));
 * app.sendInput({ type: 'http.request', body: new Uint8Array(), moreBody: false });
 * expect(await app.receiveOutput()).toMatchObject({ type: 'http.response.start', status: 200 });
 */
export class ApplicationCommunicator {
  private readonly input: ReceiveEvent[] = [];
  private readonly output: SendEvent[] = [];
  private inputWaiter: Deferred<void> | null = null;
  private outputWaiter: Deferred<void> | null = null;
  private readonly done: Promise<void>;
  private finished = false;

  constructor(app: AsyncApp, readonly scope: Scope) {
    const receive = async (): Promise<ReceiveEvent> => {
      while (this.input.length === 0) {
        if (!this.inputWaiter || this.inputWaiter.settled) this.inputWaiter = deferred();
        await this.inputWaiter.promise;
      }
      return this.input.shift() as ReceiveEvent;
    };
    const send = (event: SendEvent): Promise<void> => {
      this.output.push(event);
      this.outputWaiter?.resolve();
      return Promise.resolve();
    };
    this.done = Promise.resolve()
      .then(() => app(scope, receive, send))
      .finally(() => {
        this.finished = true;
        this.outputWaiter?.resolve();
      });
    // Errors surface through receiveOutput()/wait(); never as an unhandled rejection.
    this.done.catch(() => undefined);
  }

  /** Queues an event for the app's next receive(). */
  sendInput(event: ReceiveEvent): void {
    this.input.push(event);
    this.inputWaiter?.resolve();
  }

  /**
   * The next event the app sent. Rethrows the app's error if it raised; throws a TimeoutError when
   * nothing arrives within `timeoutMs`. @default timeoutMs 1000
   */
  async receiveOutput(timeoutMs = 1000): Promise<SendEvent> {
    return this.withTimeout(timeoutMs, 'no output from the app', async (expired) => {
      for (;;) {
        // After a timeout this loop must not take an event a later call is waiting for.
        if (expired()) throw new CommunicatorTimeout('ApplicationCommunicator: timed out');
        const event = this.output.shift();
        if (event) return event;
        if (this.finished) {
          await this.done;
          throw new CommunicatorTimeout('ApplicationCommunicator: the app finished without sending more output');
        }
        await this.nextOutput();
      }
    });
  }

  /** True when the app sends nothing within `timeoutMs` (the output stays queued). @default timeoutMs 100 */
  async receiveNothing(timeoutMs = 100): Promise<boolean> {
    if (this.output.length > 0) return false;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      void Promise.race([this.done.catch(() => undefined), this.nextOutput()]).then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    return this.output.length === 0;
  }

  /** Waits for the app to finish; rethrows its error. @default timeoutMs 1000 */
  async wait(timeoutMs = 1000): Promise<void> {
    return this.withTimeout(timeoutMs, 'the app did not finish', () => this.done);
  }

  private nextOutput(): Promise<void> {
    if (!this.outputWaiter || this.outputWaiter.settled) this.outputWaiter = deferred();
    return this.outputWaiter.promise;
  }

  private async withTimeout<T>(timeoutMs: number, what: string, work: (expired: () => boolean) => Promise<T>): Promise<T> {
    let expired = false;
    let timer: unknown;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        expired = true;
        reject(new CommunicatorTimeout(`ApplicationCommunicator: ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([work(() => expired), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
