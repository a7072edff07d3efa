import type { Environ } from '@tsgi/sync';
import type { HTTPScope, HeaderList, State, WebSocketScope } from '@tsgi/async';
import { EMPTY } from '../internal/bytes.js';
import { bodyJson, bodyText } from './body.js';
import { parseCookies } from './cookies.js';
import { HeaderMap } from '../headers.js';
import type { MultiMap } from './multi-map.js';
import { urlFor } from '../matcher/url.js';
import { parseQuery } from './query.js';
import { RouterError, messages } from '../errors.js';
import type { FormData, FormParser } from './uploaded-file.js';

/** A task to run after the response was sent. */
export type BackgroundTask = () => void | Promise<void>;

/** Everything a request is built from; filled by the sync or async edge. */
export interface RequestInit {
  interface: 'sync' | 'async';
  method: string;
  path: string;
  rootPath: string;
  queryString: string;
  headers: HeaderList;
  scheme: string;
  client: { host: string; port: number | null } | null;
  state: State;
  environ?: Environ;
  scope?: HTTPScope | WebSocketScope;
  /** Named routes: name → full pattern. */
  urls: ReadonlyMap<string, string>;
  /** The opt-in form parser, when the router was given one. */
  forms: FormParser | undefined;
}

/**
 * One request, the same through both interfaces. Body helpers are synchronous in both: the router
 * has read the body (up to `bodyLimit`) before middleware and handlers run, so one handler works
 * through either interface.
 *
 * @example
 * router.post('/users/:id', (req) => {
 *   const { name } = req.json() as { name: string };
 *   return { id: req.params.id, name, page: req.query.get('page'), sid: req.cookies.sid };
 * });
 */
export class RouterRequest<P = Record<string, string | undefined>> {
  /** 'sync' or 'async': which interface this request came through. */
  declare readonly interface: 'sync' | 'async';
  declare readonly method: string;
  /** The decoded path below `rootPath`. */
  declare readonly path: string;
  /** Where the app is mounted (SCRIPT_NAME / scope.rootPath); '' at the root. */
  declare readonly rootPath: string;
  /** The query string as received, without '?'. */
  declare readonly queryString: string;
  declare readonly scheme: string;
  declare readonly client: { host: string; port: number | null } | null;
  /** Lifespan state (scope.state); shared by every request. */
  declare readonly state: State;
  /** The raw environ, through the sync interface. */
  declare readonly environ?: Environ;
  /** The raw scope, through the async interface. */
  declare readonly scope?: HTTPScope | WebSocketScope;
  /** The params the route captured, typed from its pattern. */
  params = {} as P;
  /** The pattern of the matched route, e.g. '/users/:id'; null when none matched. */
  route: string | null = null;
  /** Tasks to run after the response was sent. */
  readonly tasks: BackgroundTask[] = [];
  #list: HeaderList;
  #urls: RequestInit['urls'];
  #forms: FormParser | undefined;
  #body: Uint8Array = EMPTY;
  #query: MultiMap | undefined;
  #headers: HeaderMap | undefined;
  #cookies: Record<string, string> | undefined;

  constructor(init: RequestInit) {
    const { headers, urls, forms, ...fields } = init;
    Object.assign(this, fields);
    this.#list = headers;
    this.#urls = urls;
    this.#forms = forms;
  }

  /** Query parameters, multi-value aware. */
  get query(): MultiMap {
    return (this.#query ??= parseQuery(this.queryString));
  }

  /** Request headers, case-insensitive. */
  get headers(): HeaderMap {
    // tsgi.raw_headers keeps the client's case, pseudo-headers and names with '_' (docs/spec/sync.md
    // §4.4); like HTTP_* and scope.headers (§4.7), drop the last so X_Forwarded_For cannot pose as
    // X-Forwarded-For.
    return (this.#headers ??= new HeaderMap(
      this.#list.filter(([n]) => !n.includes('_') && n[0] !== ':').map(([n, v]): [string, string] => [n.toLowerCase(), v]),
    ));
  }

  /** Cookies from the Cookie header. */
  get cookies(): Record<string, string> {
    return (this.#cookies ??= parseCookies(this.headers.get('cookie')));
  }

  /** The body's bytes. */
  bytes(): Uint8Array {
    return this.#body;
  }

  /** The body as text (Content-Type charset, UTF-8 by default); 400 when it does not decode. */
  text(): string {
    return bodyText(this.#body, this.headers.get('content-type'));
  }

  /** The body parsed as JSON; 400 with the parse error when it is not JSON. */
  json<T = unknown>(): T {
    return bodyJson(this.#body, this.headers.get('content-type')) as T;
  }

  /**
   * The body as a form (urlencoded or multipart); 400 when malformed, 415 for another type. Needs
   * `createRouter({ forms })`: without it this throws a RouterError (a 500) saying so.
   */
  form(): FormData {
    if (!this.#forms) throw new RouterError(messages.formsOff, { code: 'forms' });
    return this.#forms(this.#body, this.headers.get('content-type'));
  }

  /**
   * The URL path of a named route, below this request's root path.
   *
   * @example
   * req.url('user', { id: 7 }); // '/api/users/7' when mounted at /api
   */
  url(name: string, params?: Record<string, string | number>): string {
    return this.rootPath + urlFor(this.#urls, name, params);
  }

  /** Runs `task` after the response was sent (PEP 3333 close() / after the last body event). */
  background(task: BackgroundTask): void {
    this.tasks.push(task);
  }

  /** @internal Set once by the router before middleware runs. */
  setBody(body: Uint8Array): void {
    this.#body = body;
  }
}
