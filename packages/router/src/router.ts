// The route table: written once, served through either interface (`router.sync`, `router.async`).
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { createAsyncApp } from './app-async.js';
import { createSyncApp } from './app-sync.js';
import { ROUTER_BRAND } from './brand.js';
import { collectNames, compile, type Table, WS } from './compile.js';
import { resolve } from './dispatch.js';
import { RouterError, messages } from './errors.js';
import { DEFS, type ErrorClass, type RouteDef, type RouterDefs } from './internal/defs.js';
import { isAsyncFunction } from './internal/kind.js';
import type { Params } from './matcher/params.js';
import { parsePattern } from './matcher/pattern.js';
import { urlFor } from './matcher/url.js';
import type { HttpError } from './errors.js';
import type { ErrorHandler, Handler, LifespanHook, Middleware, RouteOptions, RouterOptions, WebSocketHandler } from './types.js';


/** A raw app offered through one interface or both. */
export interface MountPair {
  sync?: SyncApp;
  async?: AsyncApp;
}

type Route<R> = <Path extends string>(path: Path, handler: Handler<Params<Path>>, options?: RouteOptions) => R;

/**
 * A route table with middleware, error handlers, WebSocket routes, mounts and lifespan hooks.
 * `router.sync` and `router.async` compile it (once each, on first access) into a spec-valid sync
 * or async app; from then on it is frozen.
 *
 * @example
 * const router = createRouter();
 * router.get('/users/:id', (req) => ({ id: req.params.id }));
 * export const app = router; // serve router.sync or router.async
 */
export class Router {
  readonly [ROUTER_BRAND] = true;
  /** @internal */
  readonly [DEFS]: RouterDefs;
  #sync: SyncApp | undefined;
  #async: AsyncApp | undefined;
  #table: Table | undefined;

  constructor(options: RouterOptions = {}) {
    this[DEFS] = { options, routes: [], middleware: [], errorHandlers: [], startup: [], shutdown: [], frozen: false };
    for (const name of ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all'] as const) {
      this[name] = (path, handler, routeOptions) => this.on(name === 'all' ? '*' : name.toUpperCase(), path, handler, routeOptions);
    }
  }

  #add(what: string, apply: (defs: RouterDefs) => void): this {
    const defs = this[DEFS];
    if (defs.frozen) throw new RouterError(messages.frozen(what), { code: 'frozen' });
    apply(defs);
    return this;
  }

  /** Adds a route for one or more methods; '*' matches any method. */
  on<Path extends string>(method: string | string[], path: Path, handler: Handler<Params<Path>>, options: RouteOptions = {}): this {
    const methods = (Array.isArray(method) ? method : [method]).map((m) => (m === '*' ? m : m.toUpperCase()));
    parsePattern(path); // a bad pattern fails here, at the call that made it
    return this.#add(`add ${methods.join('|')} ${path}`, (d) =>
      d.routes.push({ type: 'route', methods, pattern: path, handler: handler as Handler, name: options.name }),
    );
  }

  // The method shortcuts (bound, like the rest of the API) are made in the constructor.
  declare get: Route<this>;
  declare post: Route<this>;
  declare put: Route<this>;
  declare patch: Route<this>;
  declare delete: Route<this>;
  declare head: Route<this>;
  declare options: Route<this>;
  /** Any method, like `on('*', ...)`. */
  declare all: Route<this>;

  /** Adds a WebSocket route (async interface only). */
  ws<Path extends string>(path: Path, handler: WebSocketHandler<Params<Path>>, options: RouteOptions = {}): this {
    parsePattern(path);
    return this.#add(`add WebSocket ${path}`, (d) =>
      d.routes.push({ type: 'route', methods: [WS], pattern: path, handler: handler as WebSocketHandler, name: options.name }),
    );
  }

  /** Adds middleware around every route of this router and its sub-routers, outermost first. */
  use(...middleware: Middleware[]): this {
    return this.#add('add middleware', (d) => d.middleware.push(...middleware));
  }

  /**
   * Mounts a sub-router, or any raw tsgi app, at a prefix. A sub-router's routes join this table
   * (its middleware inside this router's). A raw app gets every request below the prefix, which moves
   * into SCRIPT_NAME / rootPath; give it as a function (sync or async, told apart by `async`, its
   * arity, or `options.interface`) or as `{ sync, async }` to serve it through both interfaces.
   * Routes here win over a mount they overlap.
   *
   * @example
   * router.mount('/api/v1', v1Router);
   * router.mount('/legacy', { sync: legacyApp, async: syncToAsync(legacyApp) });
   */
  mount(prefix: string, target: Router | SyncApp | AsyncApp | MountPair, options: { interface?: 'sync' | 'async' } = {}): this {
    const clean = prefix.replace(/\/+$/, '');
    if (clean !== '') parsePattern(clean);
    let def: RouteDef;
    if (target instanceof Router) def = { type: 'router', prefix: clean, router: target };
    else if (typeof target !== 'function') def = { type: 'app', prefix: clean, ...target };
    else {
      const kind = options.interface ?? (isAsyncFunction(target) || target.length === 3 ? 'async' : target.length === 2 ? 'sync' : null);
      if (kind === null) throw new RouterError(messages.mountKind(prefix), { code: 'mount' });
      def = { type: 'app', prefix: clean, [kind]: target };
    }
    return this.#add(`mount ${prefix}`, (d) => d.routes.push(def));
  }

  /**
   * Handles errors of a status (HttpError's, or 500 for anything else) or of a class, for this
   * router's routes. Class handlers are tried first.
   *
   * @example
   * router.onError(404, (err, req) => html(`<h1>No ${req.path} here</h1>`, { status: 404 }));
   * router.onError(ValidationError, (err) => json({ errors: err.issues }, { status: 422 }));
   */
  onError(status: number, handler: ErrorHandler<HttpError>): this;
  onError<C extends ErrorClass>(errorClass: C, handler: ErrorHandler<InstanceType<C>>): this;
  onError(match: number | ErrorClass, handler: ErrorHandler<never>): this {
    return this.#add('add an error handler', (d) => d.errorHandlers.push({ match, handler }));
  }

  /** Runs at startup (lifespan), before any request; fill `state` for handlers to read as `req.state`. */
  onStartup(hook: LifespanHook): this {
    return this.#add('add a startup hook', (d) => d.startup.push(hook));
  }

  /** Runs at shutdown (lifespan, async interface). */
  onShutdown(hook: LifespanHook): this {
    return this.#add('add a shutdown hook', (d) => d.shutdown.push(hook));
  }

  /**
   * The sync app. The first access compiles and freezes the table, and throws a RouterError naming
   * every route, middleware or hook that needs the async interface.
   */
  get sync(): SyncApp {
    return (this.#sync ??= createSyncApp(compile(this, 'sync')));
  }

  /** The async app (HTTP, WebSocket, lifespan). The first access compiles and freezes the table. */
  get async(): AsyncApp {
    return (this.#async ??= createAsyncApp((this.#table ??= compile(this, 'async'))));
  }

  /**
   * Looks a request up without serving it: the matched pattern and params, or null when no route
   * answers (404, 405, a mount). Compiles and freezes the table like `async` does.
   *
   * @example
   * router.match('GET', '/users/7'); // { pattern: '/users/:id', params: { id: '7' } }
   */
  match(method: string, path: string): { pattern: string; params: Record<string, string> } | null {
    const found = resolve((this.#table ??= compile(this, 'async')), method, path);
    return found.type === 'route' ? { pattern: found.pattern, params: found.params } : null;
  }

  /** The path of a named route, without any root path (see `req.url` for one with it). */
  url(name: string, params?: Record<string, string | number>): string {
    return urlFor(collectNames(this[DEFS], '', new Map()), name, params);
  }
}

/** Creates a router. @example const router = createRouter({ bodyLimit: 64 * 1024 }); */
export const createRouter = (options?: RouterOptions): Router => new Router(options);
