// Every error @tsgi/router throws. Guards check `.name`, not instanceof (STYLE.md: Errors).

/** Message texts, exported so tests and callers match them without copying. */
export const messages = {
  patternSlash: (p: string) => `router: pattern '${p}' must start with '/'`,
  patternInvalid: (p: string, why: string) => `router: pattern '${p}': ${why}`,
  duplicate: (what: string) => `router: ${what} is already registered`,
  frozen: (what: string) => `router: cannot ${what}: the table is frozen once served`,
  refused: (mode: 'sync' | 'async', offenders: string[]) =>
    `router: the ${mode} interface cannot serve ${offenders.join(', ')}` +
    (mode === 'sync' ? ' (serve router.async, or make them sync)' : ' (mount { sync: app, async: syncToAsync(app) })'),
  websocketOff: (routes: string[]) => `router: serving ${routes.join(', ')} needs createRouter({ websocket }) (from '@tsgi/router/websocket')`,
  formsOff: "router: req.form() needs createRouter({ forms }) (from '@tsgi/router/forms')",
  syncMiddlewareOverAsync: (mw: string, routes: string[]) =>
    `router: sync middleware ${mw} cannot wait for async ${routes.join(', ')}; make it async`,
  promiseInSync: (route: string) => `router: ${route} returned a Promise where a sync result is needed; declare it async`,
  asyncBody: (route: string) => `router: ${route} returned an async body to the sync interface`,
  undefinedResult: (route: string) => `router: ${route} returned undefined`,
  mountKind: (prefix: string) => `router: is the app at '${prefix}' sync or async? Pass { interface }`,
  unknownRoute: (name: string) => `router: no route is named '${name}'`,
  missingParam: (name: string, param: string) => `router: url('${name}') needs param '${param}'`,
  badValue: (what: string) => `router: invalid ${what}`,
  bodyTooLarge: (limit: number) => `Request body is larger than the limit of ${limit} bytes`,
  badJson: (why: string) => `Request body is not valid JSON: ${why}`,
  badText: (charset: string) => `Request body is not valid ${charset}`,
  badForm: (why: string) => `Request body is not a valid form: ${why}`,
  formType: (type: string) => `Request body is not a form: '${type}'`,
} as const

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

  constructor(status: number, message = '', options?: { cause?: unknown; headers?: Array<[string, string]> }) {
    // Error reads only `cause` from its options, and sets it only when the key is there.
    super(message, options);
    this.status = status;
    this.headers = options?.headers ?? [];
  }
}

/** A programmer mistake in how the router was set up or used; thrown at the call that made it. */
export class RouterError extends Error {
  override name = 'RouterError' as const;
  /** Which rule was broken: 'pattern', 'duplicate', 'frozen', 'refused', 'result', 'mount', 'url', 'header', 'cookie', 'websocket', 'forms'. */
  readonly code: string;

  constructor(message: string, options: { code: string; cause?: unknown }) {
    super(message, options);
    this.code = options.code;
  }
}

/** True for an HttpError from any copy of this package. */
export const isHttpError = (e: unknown): e is HttpError => (e as Error | null)?.name === 'HttpError';

/** True for a RouterError from any copy of this package. */
export const isRouterError = (e: unknown): e is RouterError => (e as Error | null)?.name === 'RouterError';
