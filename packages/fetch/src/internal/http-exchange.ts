// One request/response as runHttp sees it (@tsgi/async HttpTransport): the Request's body stream in,
// a Response out. The Response is handed to the runtime when the first body bytes, a flush or the end arrive.
import type { HeaderList, HttpTransport, LogFn } from '@tsgi/async';
import { ResponseBody } from './response-body.js';
import { responseFields } from './response-fields.js';
import { asciiText } from './ascii-text.js';
import type { Runtime, SizedBody } from './runtime.js';

const NO_MORE: Promise<null> = Promise.resolve(null);
const DONE: Promise<void> = Promise.resolve();
const NEVER: Promise<never> = new Promise<never>(() => undefined);
/**
 * How many microtask turns a first body chunk that is not the last one (runHttp's `final`) waits for
 * the end of the response. A sync app's one-chunk body ends a few turns after syncToAsync wrote it,
 * so it still becomes `new Response(bytes)` (sent with Content-Length) instead of a stream; a longer
 * response loses nothing but these turns. test/harness/framing.ts checks it on each runtime.
 */
const HOLD_TURNS = 12;
/**
 * How many microtask turns an exchange runs before it listens to request.signal. Reading the signal
 * is not free (Deno registers a cancel op for the request, and fires the signal after every
 * successful response), and an app that answers within these turns never needs it; one that takes
 * longer is listening before it could notice anything: a client already gone is seen as
 * `signal.aborted`.
 */
const WATCH_TURNS = 32;

/** The HttpTransport over one Fetch Request; `response` settles with what the runtime returns. */
export class HttpExchange implements HttpTransport {
  readonly response: Promise<Response>;
  readonly log: LogFn;
  #respond!: (response: Response) => void;
  /** The client left (or its body failed); runHttp hears it through onClose, or `closed`. */
  #left = false;
  #onClose: (() => void) | undefined;
  #closed: Promise<void> | undefined;
  #resolveClosed: (() => void) | undefined;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  #status = 200;
  #fields: HeaderList = [];
  #held: Uint8Array | undefined;
  #body: ResponseBody | undefined;
  #responded = false;
  /** The whole response is with the runtime: a disconnect can no longer change anything. */
  #ended = false;
  #watching = false;
  #length: number | undefined;

  constructor(
    private readonly request: Request,
    log: LogFn,
    private readonly sized: SizedBody | undefined,
    private readonly runtime: Pick<Runtime, 'framesWholeBody' | 'textBody'> = {},
  ) {
    this.log = log;
    this.response = new Promise<Response>((resolve) => (this.#respond = resolve));
    WATCHER.add(this);
  }

  /** Made only for a caller that asks: runHttp hands a listener to onClose instead. */
  get closed(): Promise<void> {
    this.#closed ??= this.#left ? DONE : new Promise<void>((resolve) => (this.#resolveClosed = resolve));
    return this.#closed;
  }

  onClose(listener: () => void): void {
    this.#onClose = listener;
    if (this.#left) listener();
  }

  read(): Promise<Uint8Array | null> {
    if (this.#reader === undefined) {
      const body = this.request.body;
      if (body === null) return NO_MORE;
      this.#reader = body.getReader();
    }
    return this.#reader.read().then(
      (result) => (result.done ? null : result.value),
      // A body that fails mid-way means the client left: runHttp answers with http.disconnect.
      () => {
        this.#leave();
        return NEVER;
      },
    );
  }

  start(status: number, headers: HeaderList): void {
    this.#status = status;
    this.#fields = headers;
    if (this.sized === undefined) return;
    // runHttp has checked the value is one non-negative integer (async §3.4).
    for (const [name, value] of headers) if (name.toLowerCase() === 'content-length') this.#length = Number(value);
  }

  write(chunk: Uint8Array, info?: { final: boolean }): Promise<void> | undefined {
    if (this.#body !== undefined) return this.#body.push(chunk);
    if (this.#held === undefined) {
      if (info?.final === true) {
        // The whole body in one event: bytes with a known length, never a stream. Nothing to wait
        // for, so nothing is returned: runHttp ends the exchange in this same turn.
        this.#ended = true;
        this.#send(chunk);
        return undefined;
      }
      this.#held = chunk;
      void this.#streamUnlessEnded();
      return undefined;
    }
    return this.#stream().push(chunk);
  }

  /** async §3.4.6: the head goes out now (an SSE app's empty first event, a HEAD body event). */
  flush(): void {
    if (this.#responded || this.#body !== undefined) return;
    // Fetch §2.2.3: a null body status, or a HEAD response, takes no body stream at all.
    if (this.request.method === 'HEAD' || NULL_BODY_STATUS.has(this.#status)) this.#send(null);
    else this.#stream();
  }

  end(): undefined {
    this.#ended = true;
    if (this.#body !== undefined) this.#body.close();
    else this.#send(this.#held ?? null);
    this.#held = undefined;
    return undefined;
  }

  abort(error: unknown): void {
    // After start: the client must see a truncated response, never a complete-looking one.
    (this.#body ?? this.#stream()).fail(error);
  }

  /** Answers 500 if runHttp ended without producing a response (a transport failure). */
  fallback(): void {
    this.#ended = true;
    if (this.#responded) return;
    this.#responded = true;
    this.#respond(new Response('Internal Server Error', { status: 500 }));
  }

  /** The whole response is with the runtime (or failed): nothing left to watch for. */
  get ended(): boolean {
    return this.#ended;
  }

  /** Called by the shared watcher WATCH_TURNS turns after the exchange began. */
  watch(): void {
    if (!this.#ended) this.#watch();
  }

  /** Fetch §5.4: the runtime aborts request.signal when the client goes away. */
  #watch(): void {
    if (this.#watching) return;
    this.#watching = true;
    const signal = this.request.signal;
    if (signal.aborted) this.#leave();
    else signal.addEventListener('abort', () => this.#leave(), { once: true });
  }

  #leave(): void {
    if (!this.#left) {
      this.#left = true;
      this.#onClose?.();
      this.#resolveClosed?.();
    }
    // A write waiting for the runtime to pull would wait forever once the client is gone.
    this.#body?.abandon();
  }

  async #streamUnlessEnded(): Promise<void> {
    for (let turn = 0; turn < HOLD_TURNS; turn++) {
      await DONE;
      if (this.#responded) return;
    }
    if (this.#body === undefined && !this.#responded) this.#stream();
  }

  #stream(): ResponseBody {
    const body = new ResponseBody(() => this.#leave());
    this.#body = body;
    // A streamed response can last: listen for the client going away from now on.
    this.#watch();
    if (this.#held !== undefined) void body.push(this.#held);
    this.#held = undefined;
    this.#send(this.#length === undefined || this.sized === undefined ? body.stream : this.sized(body.stream, this.#length));
    return body;
  }

  #send(body: ReadableStream<Uint8Array> | Uint8Array | null): void {
    if (this.#responded) return;
    this.#responded = true;
    const whole = body instanceof Uint8Array;
    // A body handed over whole is framed by the runtime with its own length: runHttp has checked it
    // is the one the app declared (async §3.4).
    const headers = responseFields(this.#fields, whole && this.runtime.framesWholeBody === true);
    let content: BodyInit | null = body as BodyInit | null;
    // Only with the app's own Content-Type: a string body would otherwise get text/plain.
    if (whole && this.runtime.textBody === true && hasContentType(headers)) content = asciiText(body) ?? content;
    this.#respond(new Response(content, { status: this.#status, headers }));
  }
}

function hasContentType(headers: Record<string, string> | Headers): boolean {
  // The record first: `instanceof Headers` is the slower check on Deno, and records are the common case.
  return (headers as Record<string, string>)['content-type'] !== undefined || (headers instanceof Headers && headers.has('content-type'));
}

/**
 * Counts microtask turns for every exchange at once: one chain of queueMicrotask runs while any
 * exchange waits, instead of a closure and a chain per request. Exchanges begin in order, so their
 * deadlines are in order too; the chain stops once every exchange has ended or is listening, which
 * is always within WATCH_TURNS turns of the last one to begin (microtasks run before any new request).
 */
class TurnWatcher {
  #waiting: HttpExchange[] = [];
  #deadlines: number[] = [];
  #next = 0;
  #turn = 0;
  #ticking = false;

  add(exchange: HttpExchange): void {
    this.#waiting.push(exchange);
    this.#deadlines.push(this.#turn + WATCH_TURNS);
    if (!this.#ticking) {
      this.#ticking = true;
      queueMicrotask(this.#tick);
    }
  }

  // queueMicrotask, not an async loop of awaits: a turn then costs no promise.
  #tick = (): void => {
    const turn = ++this.#turn;
    const waiting = this.#waiting;
    const deadlines = this.#deadlines;
    let next = this.#next;
    // The oldest first: it leaves the line once it has ended (most do within a few turns) or once
    // its turns are up, when it starts listening.
    for (; next < waiting.length; next++) {
      const exchange = waiting[next] as HttpExchange;
      if (exchange.ended) continue;
      if ((deadlines[next] as number) > turn) break;
      exchange.watch();
    }
    if (next < waiting.length) {
      this.#next = next;
      queueMicrotask(this.#tick);
      return;
    }
    // Everyone has been seen to: start the lists afresh rather than let them grow.
    waiting.length = 0;
    deadlines.length = 0;
    this.#next = 0;
    this.#ticking = false;
  };
}

const WATCHER = new TurnWatcher();

const NULL_BODY_STATUS: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);
