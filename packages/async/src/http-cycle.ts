// THE HTTP request/response cycle every host runs (async §3.6): events in, events out, checked.
import { ClientDisconnected, isAsyncSpecError, isClientDisconnected } from './errors.js';
import { LazySignal } from './internal/deferred.js';
import { utf8 } from './internal/runtime.js';
import { HttpProtocol, type HttpOutput } from './internal/http-protocol.js';
import { EMPTY, expectPromise } from './internal/checks.js';
import { COMMON_MESSAGES, HTTP_MESSAGES } from './messages.js';
import { defaultLog, type HttpTransport, type LogFn } from './transport.js';
import type { AsyncApp, Receive, Send } from './types/app.js';
import type { HeaderList } from './types/common.js';
import type { Extensions } from './types/extensions.js';
import type { HTTPReceiveEvent, HTTPScope } from './types/http.js';

// Shared so the hot path allocates nothing per write.
const FINAL = Object.freeze({ final: true });
const MORE = Object.freeze({ final: false });

const ERROR_BODY = utf8('Internal Server Error');

/**
 * Runs one HTTP request through an async app over a host's transport (async §3.6). Never rejects
 * for app errors: before the response starts they become a 500, after it the connection is aborted.
 * The scope is handed over: runHttp sets its `extensions` to what this transport supports, and the
 * app may change it, so build a fresh one (createScope) for every request.
 *
 * @example
 * await runHttp(app, createScope({ method: 'GET', target: req.url, headers }), transport);
 */
export function runHttp(app: AsyncApp, scope: HTTPScope, transport: HttpTransport): Promise<void> {
  // Not an async function: its promise would only wrap run()'s, one more turn per request.
  try {
    return new HttpCycle(scope, transport).run(app);
  } catch (error) {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rejects with what was thrown, unchanged
    return Promise.reject(error);
  }
}

class HttpCycle {
  private readonly protocol: HttpProtocol;
  private readonly scope: HTTPScope;
  private readonly log: LogFn;
  /** Resolves when the client leaves or the response completes: receive() then yields http.disconnect. */
  private readonly disconnect = new LazySignal();
  private clientGone = false;
  /** The app's first spec violation (async §2.5.1); it decides how the exchange ends. */
  private violation: { error: Error } | undefined;
  /** A body byte or a flush went to the transport, so the head is on its way. */
  private headSent = false;
  /** Made for the first trailers event: most responses have none. */
  private trailers: HeaderList | null = null;
  private tail: Promise<void> = RESOLVED;

  constructor(
    scope: HTTPScope,
    private readonly transport: HttpTransport,
  ) {
    // The host hands the scope over for this one exchange (see runHttp): it is completed in place
    // rather than copied, one object fewer per request.
    scope.extensions = advertise(scope, transport);
    this.scope = scope;
    this.protocol = new HttpProtocol(this.scope);
    this.log = transport.log ?? defaultLog;
    if (transport.onClose) transport.onClose(this.leave);
    else transport.closed.then(this.leave, this.leave);
  }

  async run(app: AsyncApp): Promise<void> {
    let failure: unknown;
    let failed = false;
    try {
      await expectPromise(app(this.scope, this.receive, this.send));
    } catch (error) {
      failure = error;
      failed = true;
    }
    if (this.sending > 0) await this.tail.then(noop, noop);
    if (this.violation) [failed, failure] = [true, this.violation.error];
    // A complete response with nothing to report (nearly every exchange) needs no finish() turn.
    if (failed || this.protocol.phase !== 'complete') await this.finish(failed, failure);
    this.disconnect.resolve();
  }

  private async finish(failed: boolean, failure: unknown): Promise<void> {
    const { phase } = this.protocol;
    if (phase === 'complete') {
      if (failed) this.log('error', describe(failure, 'the app raised after the response completed'), failure);
      return;
    }
    if (this.clientGone) {
      if (failed && !isClientDisconnected(failure)) this.log('warn', 'async §3.3: the app raised after the client disconnected', failure);
      return;
    }
    if (phase === 'start') {
      this.log('error', failed ? describe(failure, 'the app raised before starting the response') : HTTP_MESSAGES.returnedWithoutResponse, failure);
      await this.internalError();
      return;
    }
    const reason = failed ? failure : new Error(HTTP_MESSAGES.returnedIncomplete);
    this.log('error', failed ? describe(failure, 'the app raised after starting the response') : HTTP_MESSAGES.returnedIncomplete, failure);
    this.transport.abort(reason);
  }

  private async internalError(): Promise<void> {
    const headers: HeaderList = [
      ['content-type', 'text/plain; charset=utf-8'],
      ['content-length', String(ERROR_BODY.byteLength)],
    ];
    try {
      await this.transport.start(500, headers, { trailers: false });
      if (this.scope.method !== 'HEAD') await this.transport.write(ERROR_BODY);
      await this.transport.end();
    } catch (error) {
      this.log('debug', 'async §3.6: could not send the 500 response', error);
    }
  }

  private receiveTail: Promise<void> = RESOLVED;

  private receiving = 0;
  /** Settles with GONE once the exchange is over; made for the first body read. */
  private gone: Promise<typeof GONE> | undefined;

  // Calls are served one at a time, so a transport never sees two reads at once.
  private readonly receive: Receive = () => {
    const next = this.receiving === 0 ? this.receiveOne() : this.receiveTail.then(() => this.receiveOne());
    this.receiving++;
    const settled = (): void => {
      this.receiving--;
    };
    this.receiveTail = next.then(settled, settled);
    return next;
  };

  private async receiveOne(): Promise<HTTPReceiveEvent> {
    if (this.clientGone || this.protocol.phase === 'complete') return DISCONNECT;
    if (this.protocol.requestEnded) {
      await this.disconnect.promise;
      return DISCONNECT;
    }
    let chunk: Uint8Array | null | typeof GONE;
    try {
      chunk = await Promise.race([this.transport.read(), (this.gone ??= this.disconnect.promise.then((): typeof GONE => GONE))]);
    } catch (error) {
      // A body that can no longer be read means the client's side is gone (async §3.3).
      this.log('debug', 'async §3.3: reading the request body failed; reporting a disconnect', error);
      this.leave();
      return DISCONNECT;
    }
    if (chunk === GONE || this.disconnect.settled) return DISCONNECT;
    // async §3.2: a chunk is delivered at once with moreBody: true; the end of the body arrives as
    // its own empty event, so streaming never waits for the next chunk to learn whether one exists.
    const event: HTTPReceiveEvent =
      chunk === null ? { type: 'http.request', body: EMPTY, moreBody: false } : { type: 'http.request', body: chunk, moreBody: true };
    this.protocol.receive(event);
    return event;
  }

  // Checked synchronously, so events keep their call order; not an async function, whose promise
  // would wrap deliver's and cost two more turns per event.
  private readonly send: Send = (event) => {
    // async §2.5.1: a violation fails the exchange even if the app catches it, so every later send
    // fails with it too, and finish() answers as for a raising app.
    if (this.violation) return Promise.reject(this.violation.error);
    let output: HttpOutput;
    try {
      output = this.protocol.send(event);
    } catch (error) {
      // The protocol throws only AsyncSpecErrors.
      const violation = error as Error;
      this.violation = { error: violation };
      return Promise.reject(violation);
    }
    if (this.clientGone) return Promise.reject(new ClientDisconnected(COMMON_MESSAGES.clientDisconnected));
    if (this.sending === 0) {
      // The common head: nothing in flight, and a host that holds it back synchronously (no promise).
      if (output.type === 'http.response.start') return this.startNow(output);
      if (output.type === 'http.response.body') {
        // The common last event: the whole (rest of the) body, then the end, in this very turn.
        if (!output.moreBody && !this.protocol.trailers) return this.endNow(output.body);
        // A streamed chunk: handed over in this turn too, so a stream costs no promise per chunk while
        // the transport takes its chunks at once.
        if (output.moreBody) return this.moreNow(output.body);
      }
    }
    // Sends run one after another even when the app forgets to await one; an app that awaits each
    // send (almost all) finds nothing in flight and skips the queue. deliver() counts itself out.
    this.sending++;
    const step = this.sending === 1 ? this.deliver(output) : this.tail.then(() => this.deliver(output), () => this.deliver(output));
    // Marked handled: an app that does not await a send must not crash the process when it fails.
    step.then(undefined, noop);
    this.tail = step;
    return step;
  };

  /** Sends accepted and not yet delivered; `tail` is the last of them. */
  private sending = 0;

  private startNow(output: Extract<HttpOutput, { type: 'http.response.start' }>): Promise<void> {
    let started: void | Promise<void>;
    try {
      started = this.transport.start(output.status, output.headers, { trailers: output.trailers });
    } catch (error) {
      return Promise.reject(this.lost(error));
    }
    if (started === undefined) return RESOLVED;
    return this.track(started.then(undefined, (error: unknown) => Promise.reject(this.lost(error))));
  }

  /**
   * The last body event with nothing in flight: the bytes and the end go to the transport now, and
   * when it takes both at once (returns nothing) the exchange completes without a promise per step.
   */
  private endNow(body: Uint8Array): Promise<void> {
    let pending: void | Promise<void> = undefined;
    let ended = false;
    try {
      if (body.byteLength > 0 && !this.protocol.discardBody) {
        this.headSent = true;
        pending = this.transport.write(body, FINAL);
      }
      if (pending === undefined) {
        pending = this.transport.end(undefined);
        ended = true;
      }
    } catch (error) {
      return Promise.reject(this.lost(error));
    }
    if (pending === undefined) {
      this.disconnect.resolve();
      return RESOLVED;
    }
    const lost = (error: unknown): Promise<never> => Promise.reject(this.lost(error));
    // complete() names its own failures.
    return this.track(ended ? pending.then(() => this.disconnect.resolve(), lost) : pending.then(() => this.complete(), lost));
  }

  /** A body event with more to come and nothing in flight: what deliver() does for it, without its promises. */
  private moreNow(body: Uint8Array): Promise<void> {
    let pending: void | Promise<void> = undefined;
    try {
      if (body.byteLength > 0 && !this.protocol.discardBody) {
        this.headSent = true;
        pending = this.transport.write(body, MORE);
      } else if (!this.headSent) {
        // async §3.4.6: the head goes out no later than the first body event, even an empty one.
        this.headSent = true;
        pending = this.transport.flush ? this.transport.flush() : this.transport.write(EMPTY);
      }
    } catch (error) {
      return Promise.reject(this.lost(error));
    }
    if (pending === undefined) return RESOLVED;
    return this.track(pending.then(undefined, (error: unknown) => Promise.reject(this.lost(error))));
  }

  /** Counts a send in flight until `step` settles, and makes it the one later sends queue behind. */
  private track(step: Promise<void>): Promise<void> {
    this.sending++;
    const counted = step.then(
      () => {
        this.sending--;
      },
      (error: unknown) => {
        this.sending--;
        throw error;
      },
    );
    // Marked handled: an app that does not await a send must not crash the process when it fails.
    counted.then(undefined, noop);
    this.tail = counted;
    return counted;
  }

  private async deliver(output: HttpOutput): Promise<void> {
    try {
      switch (output.type) {
        case 'http.response.start':
          try {
            // Most hosts hold the head back until the first body event, synchronously.
            const started = this.transport.start(output.status, output.headers, { trailers: output.trailers });
            if (started) await started;
          } catch (error) {
            throw this.lost(error);
          }
          return;
        case 'http.response.body': {
          const ends = !output.moreBody && !this.protocol.trailers;
          try {
            if (output.body.byteLength > 0 && !this.protocol.discardBody) {
              this.headSent = true;
              await this.transport.write(output.body, ends ? FINAL : MORE);
            } else if (!this.headSent && !ends) {
              // async §3.4.6: the head goes out no later than the first body event, even an empty one;
              // ending the response sends it anyway.
              this.headSent = true;
              await (this.transport.flush ? this.transport.flush() : this.transport.write(EMPTY));
            }
          } catch (error) {
            throw this.lost(error);
          }
          if (ends) await this.complete();
          return;
        }
        case 'http.response.trailers':
          (this.trailers ??= []).push(...output.headers);
          if (!output.moreTrailers) await this.complete(this.trailers);
          return;
        case 'http.response.pathsend':
          // Not wrapped in io(): a missing file is the app's error, not a disconnect. The response has
          // started, so it is aborted here (async §6.2) and the error goes back to the app's send.
          if (!this.protocol.discardBody) {
            try {
              await this.transport.sendFile?.(output.path);
            } catch (error) {
              this.log('error', 'async §6.2: could not send the file', error);
              this.transport.abort(error);
              this.leave();
              throw error;
            }
          }
          if (!this.protocol.trailers) await this.complete();
          return;
        case 'http.response.early_hint':
          return this.io(() => this.transport.earlyHints?.(output.links));
        default:
          // push, zerocopysend and debug: nothing to do (async §6.3, §6.5, §6.6).
          return;
      }
    } finally {
      this.sending--;
    }
  }

  private async complete(trailers?: HeaderList): Promise<void> {
    try {
      await this.transport.end(trailers && trailers.length > 0 ? trailers : undefined);
    } catch (error) {
      throw this.lost(error);
    }
    this.disconnect.resolve();
  }

  /** Runs a transport call; its failure means the client is gone (async §2.4). */
  private async io(call: () => void | Promise<void>): Promise<void> {
    try {
      await call();
    } catch (error) {
      throw this.lost(error);
    }
  }

  /** A transport call failed: the client is gone (async §2.4), and the app hears so. */
  private lost(error: unknown): ClientDisconnected {
    this.leave();
    return new ClientDisconnected(COMMON_MESSAGES.clientDisconnected, { cause: error });
  }

  // An arrow: it is also the listener handed to the transport (onClose, or `closed`).
  private readonly leave = (): void => {
    this.clientGone = true;
    this.disconnect.resolve();
  };
}

const noop = (): void => undefined;
const RESOLVED = Promise.resolve();
const GONE: unique symbol = Symbol('gone');
const DISCONNECT = Object.freeze({ type: 'http.disconnect' }) as { type: 'http.disconnect' };

/** The extensions the app sees: the host's, plus what this transport can do, minus what it cannot. */
function advertise(scope: HTTPScope, transport: HttpTransport): Extensions {
  // A fresh object filled key by key: deleting from (or adding to) a spread copy would make node
  // 20's V8 fall back to a slow dictionary object on every request.
  const result: Extensions = {};
  const given = scope.extensions;
  if (given) for (const name in given) if (!KIT_DECIDES.has(name) && Object.hasOwn(given, name)) result[name] = given[name];
  // async §6.1, §6.4: HTTP/1.0 has neither chunked trailers nor interim responses.
  const modern = scope.httpVersion !== '1.0';
  if (transport.sendFile !== undefined) result['http.response.pathsend'] = {};
  if (transport.earlyHints !== undefined && modern) result['http.response.early_hint'] = {};
  if (given?.['http.response.trailers'] !== undefined && modern) result['http.response.trailers'] = {};
  // async §6.3: the kit has no file-descriptor path, so http.response.zerocopysend is never offered;
  // a host wanting it drives events itself.
  return result;
}

// The extensions runHttp offers or withholds itself, whatever the host passed.
const KIT_DECIDES = new Set(['http.response.pathsend', 'http.response.early_hint', 'http.response.trailers', 'http.response.zerocopysend']);

function describe(error: unknown, what: string): string {
  return isAsyncSpecError(error) ? error.message : `async §3.6: ${what}`;
}
