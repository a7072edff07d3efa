// One request/response as runHttp sees it (@tsgi/async HttpTransport): the Request's body stream in,
// a Response out. The Response is handed to the runtime when the first body bytes, a flush or the end arrive.
import type { HeaderList, HttpTransport, LogFn } from '@tsgi/async';
import { ResponseBody } from './response-body.js';
import type { SizedBody } from './runtime.js';

const NO_MORE: Promise<null> = Promise.resolve(null);
const DONE: Promise<void> = Promise.resolve();
const NEVER: Promise<never> = new Promise<never>(() => undefined);
/**
 * How many microtask turns a first body chunk waits for the end of the response. runHttp ends a
 * one-event body a few turns after write() resolves (syncToAsync a few more), so a one-chunk
 * response becomes `new Response(bytes)` (sent with Content-Length) instead of a stream; a longer
 * response loses nothing but these turns. test/harness/framing.ts checks it on each runtime.
 */
const HOLD_TURNS = 12;

/** The HttpTransport over one Fetch Request; `response` settles with what the runtime returns. */
export class HttpExchange implements HttpTransport {
  readonly response: Promise<Response>;
  readonly closed: Promise<void>;
  readonly log: LogFn;
  #respond!: (response: Response) => void;
  #leave!: () => void;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  #status = 200;
  #headers: Headers | undefined;
  #held: Uint8Array | undefined;
  #body: ResponseBody | undefined;
  #responded = false;
  #length: number | undefined;

  constructor(
    private readonly request: Request,
    log: LogFn,
    private readonly sized: SizedBody | undefined,
  ) {
    this.log = log;
    this.response = new Promise<Response>((resolve) => (this.#respond = resolve));
    this.closed = new Promise<void>((resolve) => {
      this.#leave = () => {
        resolve();
        // A write waiting for the runtime to pull would wait forever once the client is gone.
        this.#body?.abandon();
      };
    });
    const signal = request.signal;
    // Fetch §5.4: the runtime aborts request.signal when the client goes away.
    if (signal.aborted) this.#leave();
    else signal.addEventListener('abort', () => this.#leave(), { once: true });
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
    const fields = new Headers();
    const hop = hopByHop(headers);
    for (const [name, value] of headers) {
      // async §3.4.4: the runtime owns the connection and the framing; these fields are not the app's.
      if (hop.has(name.toLowerCase())) continue;
      fields.append(name, value);
      // runHttp has checked the value is one non-negative integer (async §3.4).
      if (this.sized !== undefined && name === 'content-length') this.#length = Number(value);
    }
    this.#headers = fields;
  }

  write(chunk: Uint8Array): Promise<void> {
    if (this.#body !== undefined) return this.#body.push(chunk);
    if (this.#held === undefined) {
      this.#held = chunk;
      void this.#streamUnlessEnded();
      return DONE;
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

  end(): Promise<void> {
    if (this.#body !== undefined) this.#body.close();
    else this.#send(this.#held ?? null);
    this.#held = undefined;
    return DONE;
  }

  abort(error: unknown): void {
    // After start: the client must see a truncated response, never a complete-looking one.
    (this.#body ?? this.#stream()).fail(error);
  }

  /** Answers 500 if runHttp ended without producing a response (a transport failure). */
  fallback(): void {
    if (this.#responded) return;
    this.#responded = true;
    this.#respond(new Response('Internal Server Error', { status: 500 }));
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
    if (this.#held !== undefined) void body.push(this.#held);
    this.#held = undefined;
    this.#send(this.#length === undefined || this.sized === undefined ? body.stream : this.sized(body.stream, this.#length));
    return body;
  }

  #send(body: ReadableStream<Uint8Array> | Uint8Array | null): void {
    if (this.#responded) return;
    this.#responded = true;
    this.#respond(new Response(body as BodyInit | null, { status: this.#status, headers: this.#headers ?? EMPTY_HEADERS }));
  }
}

const EMPTY_HEADERS: HeadersInit = [];
// RFC 9110 §7.6.1 and RFC 9113 §8.2.2: connection-specific fields, plus any the Connection field names.
const CONNECTION_SPECIFIC = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade'];

function hopByHop(headers: HeaderList): Set<string> {
  const names = new Set(CONNECTION_SPECIFIC);
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'connection') continue;
    for (const token of value.split(',')) if (token.trim() !== '') names.add(token.trim().toLowerCase());
  }
  return names;
}
const NULL_BODY_STATUS: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);
