// Every error @tsgi/router throws. Guards check `.name`, not instanceof (STYLE.md: Errors).

/** Message texts, exported so tests and callers match them without copying. */
export const messages = {
  patternSlash: (p: string) => `router: pattern '${p}' must start with '/'`,
  patternInvalid: (p: string, why: string) => `router: pattern '${p}': ${why}`,
  duplicate: (what: string) => `router: ${what} is already registered`,
  frozen: (what: string) =>
    `router: cannot ${what} after the app was first served (the route table is frozen; STYLE.md rule 6)`,
  syncRefused: (offenders: string[]) =>
    `router: this table cannot be served through the sync interface: ${offenders.join(', ')} ` +
    'need(s) the async interface (use app.async, or make the handlers sync)',
  syncMiddlewareOverAsync: (mw: string, routes: string[]) =>
    `router: sync middleware ${mw} wraps async ${routes.join(', ')}; it cannot wait for them. ` +
    'Write the middleware as an async function',
  promiseInSync: (route: string) =>
    `router: ${route} returned a Promise while served through the sync interface; ` +
    'declare it with `async` so the table is refused at creation, or return a value',
  asyncBodyInSync: (route: string) => `router: ${route} returned an async iterable body through the sync interface`,
  undefinedResult: (route: string) =>
    `router: ${route} returned undefined; return a response, string, object, Uint8Array or null (204)`,
  mountKind: (prefix: string) =>
    `router: cannot tell whether the app mounted at '${prefix}' is sync or async; ` +
    "pass { interface: 'sync' } or { interface: 'async' }",
  unknownRoute: (name: string) => `router: no route is named '${name}'`,
  missingParam: (name: string, param: string) => `router: url('${name}') needs param '${param}'`,
  bodyTooLarge: (limit: number) => `Request body is larger than the limit of ${limit} bytes`,
  badJson: (why: string) => `Request body is not valid JSON: ${why}`,
  badUtf8: 'Request body is not valid UTF-8',
  badForm: (why: string) => `Request body is not a valid form: ${why}`,
  formType: (type: string) =>
    `Request body must be application/x-www-form-urlencoded or multipart/form-data, not '${type}'`,
  headerValue: (name: string) => `router: header '${name}' has a value with CR, LF or NUL, or a non-latin-1 character`,
  cookieName: (name: string) => `router: '${name}' is not a valid cookie name (RFC 6265 §4.1.1: a token)`,
  lifespanInSync: (hook: string) => `router: ${hook} is async; the sync interface can only run sync lifespan hooks`,
} as const;

/**
 * An error the client should see: its status and message become the response. Throw it from a
 * handler or middleware; the router turns it into a response (or hands it to an error handler).
 *
 * @example
 * throw new HttpError(404, 'No such user');
 */
export class HttpError extends Error {
  override name = 'HttpError' as const;
  readonly status: number;
  /** Extra response headers, e.g. `Allow` for 405 or `WWW-Authenticate` for 401. */
  readonly headers: Array<[string, string]>;

  constructor(status: number, message?: string, options?: { cause?: unknown; headers?: Array<[string, string]> }) {
    super(message ?? '', options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.headers = options?.headers ?? [];
  }
}

/** A programmer mistake in how the router was set up or used; thrown at the call that made it. */
export class RouterError extends Error {
  override name = 'RouterError' as const;
  /** Which rule was broken: 'pattern', 'duplicate', 'frozen', 'sync-refused', 'result', 'mount', 'url'. */
  readonly code: string;

  constructor(message: string, options: { code: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
  }
}

/** True for an HttpError from any copy of this package. */
export const isHttpError = (e: unknown): e is HttpError => (e as Error | null)?.name === 'HttpError';

/** True for a RouterError from any copy of this package. */
export const isRouterError = (e: unknown): e is RouterError => (e as Error | null)?.name === 'RouterError';
