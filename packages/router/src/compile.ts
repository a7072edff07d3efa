// Resolve once, freeze, then run (STYLE.md rule 6): the router tree becomes one trie and one chain
// per route, and the interface is checked against it here, never per request.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { buildChain, type Chain, type ChainContext } from './chain.js';
import { HttpError, RouterError, messages } from './errors.js';
import { DEFS, type RouterDefs } from './internal/defs.js';
import { isAsyncFunction } from './internal/kind.js';
import { paramsBuilder, type ParamsBuilder } from './matcher/params-object.js';
import { parsePattern } from './matcher/pattern.js';
import { createTrie, type Trie } from './matcher/trie.js';
import type { RouterRequest } from './request/request.js';
import { RouterResponse } from './responses/response.js';
import type { FormParser } from './request/uploaded-file.js';
import type { Handler, LifespanHook, WebSocketHandler, WebSocketSupport } from './types.js';
import { noWebSockets } from './internal/websocket-off.js';

/** The method key of WebSocket routes; a space can never be in an HTTP method token. */
export const WS = ' ws';

export interface CompiledRoute {
  params: ParamsBuilder;
  chain: Chain;
  pattern: string;
  /** WebSocket routes: the handler, and the context their errors are rendered in. */
  ws?: WebSocketHandler;
  ctx: ChainContext;
}

/** What one path shape holds: routes by method (WebSocket under WS), a mounted app. */
export interface Entry {
  methods: Map<string, CompiledRoute>;
  /** The mounted app for this table's interface. */
  mount: SyncApp | AsyncApp | null;
  /** 405 with Allow, and the automatic OPTIONS answer; null when no HTTP route is here. */
  notAllowed: Chain | null;
  options: Chain | null;
  ctx: ChainContext;
}

export interface Table {
  trie: Trie<Entry>;
  notFound: Chain;
  /** The answer to `OPTIONS *` (RFC 9110 §9.3.7). */
  serverOptions: Chain;
  /** The root's context: errors outside any route chain are rendered with it. */
  ctx: ChainContext;
  urls: Map<string, string>;
  startup: LifespanHook[];
  shutdown: LifespanHook[];
  bodyLimit: number;
  /** The opt-ins, from the first router of the tree that has each. */
  websocket: WebSocketSupport;
  forms: FormParser | undefined;
}

/**
 * The route `accept` found for the entry the trie returned last: its own, then `all`, then GET for
 * HEAD (RFC 9110 §9.3.2). resolve() reads it right after the match instead of looking again.
 */
export let picked: CompiledRoute | undefined;

// Whether an entry answers a method: a route, the automatic OPTIONS, or a mount.
const accept = (e: Entry, key: string): boolean =>
  !!(
    (picked = e.methods.get(key) ?? (key === WS ? undefined : (e.methods.get('*') ?? (key === 'HEAD' ? e.methods.get('GET') : undefined)))) ||
    e.mount ||
    (key === 'OPTIONS' && e.notAllowed)
  );

const dup = (what: string): RouterError => new RouterError(messages.duplicate(what), { code: 'duplicate' });
const join = (prefix: string, path: string): string => (path === '/' ? prefix || '/' : prefix + path);
const nameOf = (fn: { name: string }): string => fn.name || 'anonymous';

// Every runtime has a console; our lib settings (ES2023, no DOM) do not declare it.
const runtime = globalThis as unknown as { console: { error(...data: unknown[]): void } };

// docs/spec/sync.md §7.3: through the sync interface errors go to tsgi.errors, the server's log.
const defaultLog = (error: unknown, req: RouterRequest | null): void => {
  const errors = req?.environ?.['tsgi.errors'];
  if (errors) errors.write(`tsgi router: ${(error as Error | null)?.stack ?? String(error)}\n`);
  else runtime.console.error('tsgi router:', error);
};

/**
 * Compiles a router for one interface, freezing it and every sub-router. Throws one RouterError
 * listing everything the interface cannot serve.
 */
export function compile(root: { [DEFS]: RouterDefs }, mode: 'sync' | 'async'): Table {
  const { options, middleware, errorHandlers } = root[DEFS];
  const base = { mode, debug: options.debug ?? false, log: options.log ?? defaultLog };
  const rootCtx: ChainContext = { ...base, middleware, errorHandlers };
  const table: Table = {
    trie: createTrie<Entry>(accept),
    notFound: buildChain(() => { throw new HttpError(404, 'Not Found'); }, '404', rootCtx),
    serverOptions: null as never,
    ctx: rootCtx,
    urls: collectNames(root[DEFS], '', new Map()),
    startup: [],
    shutdown: [],
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    websocket: noWebSockets,
    forms: undefined,
  };
  let websocket: WebSocketSupport | undefined;
  const wsRoutes: string[] = [];
  const refused: string[] = [];
  const blocked = new Map<string, string[]>();
  const visiting = new Set<RouterDefs>();
  // Through the sync interface anything async is refused.
  const needSync = (fn: { name: string }, what: string) => {
    if (mode === 'sync' && isAsyncFunction(fn)) refused.push(`${what} ${nameOf(fn)}`);
  };

  const visit = (defs: RouterDefs, prefix: string, outer: ChainContext | null): void => {
    if (visiting.has(defs)) throw new RouterError(messages.patternInvalid(prefix, 'a router is mounted inside itself'), { code: 'mount' });
    visiting.add(defs);
    defs.frozen = true;
    websocket ??= defs.options.websocket;
    table.forms ??= defs.options.forms;
    const ctx: ChainContext = outer
      ? { ...base, middleware: [...outer.middleware, ...defs.middleware], errorHandlers: [...defs.errorHandlers, ...outer.errorHandlers] }
      : rootCtx;
    const entries = (pattern: string) =>
      parsePattern(pattern).map((shape) => ({
        shape,
        entry: table.trie.upsert(shape.segments, () => ({ methods: new Map(), mount: null, notAllowed: null, options: null, ctx })),
      }));
    table.startup.push(...defs.startup);
    table.shutdown.push(...defs.shutdown);
    for (const hook of [...defs.startup, ...defs.shutdown]) needSync(hook, 'lifespan hook');
    for (const mw of defs.middleware) needSync(mw, 'middleware');
    for (const { handler } of defs.errorHandlers) needSync(handler, 'error handler');
    for (const def of defs.routes) {
      if (def.type === 'router') {
        visit(def.router[DEFS], join(prefix, def.prefix), ctx);
      } else if (def.type === 'app') {
        const at = `${prefix}${def.prefix}`;
        const app = def[mode];
        if (!app) refused.push(`mount ${at || '/'} (${mode === 'sync' ? 'an async' : 'a sync'} app)`);
        for (const { entry } of entries(`${at}/*`)) {
          if (entry.mount) throw dup(`a mount at '${at}'`);
          entry.mount = app ?? null;
        }
      } else {
        const pattern = join(prefix, def.pattern);
        const ws = def.methods[0] === WS ? (def.handler as WebSocketHandler) : undefined;
        const label = `${ws ? 'WebSocket' : def.methods.join('|')} ${pattern}`;
        const isAsync = isAsyncFunction(def.handler);
        if (mode === 'sync' && (isAsync || ws)) refused.push(label);
        if (ws) wsRoutes.push(label);
        if (mode === 'async' && !ws) checkMiddleware(ctx, isAsync, label, blocked);
        const chain = buildChain(def.handler as Handler, label, ctx);
        for (const { shape, entry } of entries(pattern)) {
          const params = paramsBuilder(shape.names);
          for (const method of def.methods) {
            if (entry.methods.has(method)) throw dup(label);
            entry.methods.set(method, { params, chain, pattern, ctx, ...(ws && { ws }) });
          }
        }
      }
    }
    visiting.delete(defs);
  };
  visit(root[DEFS], '', null);
  // The 404/405/OPTIONS answers are sync, but an async error handler may render them.
  if (mode === 'async') checkMiddleware(rootCtx, false, 'the 404 and 405 answers', blocked);
  if (refused.length > 0) throw new RouterError(messages.refused(mode, refused), { code: 'refused' });
  if (wsRoutes.length > 0 && !websocket) throw new RouterError(messages.websocketOff(wsRoutes), { code: 'refused' });
  table.websocket = websocket ?? noWebSockets;
  for (const [mw, routes] of blocked) throw new RouterError(messages.syncMiddlewareOverAsync(mw, routes), { code: 'refused' });
  // RFC 9110 §9.3.7: `OPTIONS *` asks about the server as a whole; Allow lists every method a route
  // takes, unless a route or a mounted app may take any.
  const methods = new Set(table.trie.values.flatMap(finishEntry));
  const allow: Array<[string, string]> = methods.has('*') ? [] : [['allow', [...methods].join(', ')]];
  table.serverOptions = buildChain(() => new RouterResponse(null, { status: 204, headers: allow }), 'OPTIONS *', rootCtx);
  return table;
}

/** Every named route's full pattern, sub-routers included; a repeated name is a RouterError. */
export function collectNames(defs: RouterDefs, prefix: string, names: Map<string, string>): Map<string, string> {
  for (const def of defs.routes) {
    if (def.type === 'router') collectNames(def.router[DEFS], join(prefix, def.prefix), names);
    else if (def.type !== 'app' && def.name !== undefined) {
      if (names.has(def.name)) throw dup(`route name '${def.name}'`);
      names.set(def.name, join(prefix, def.pattern));
    }
  }
  return names;
}

// async interface: a sync middleware cannot wait for an async handler, error handler or middleware
// inside it. Collected per middleware so the error names every route it blocks.
function checkMiddleware(ctx: ChainContext, handlerAsync: boolean, label: string, blocked: Map<string, string[]>): void {
  let inner = handlerAsync || ctx.errorHandlers.some(({ handler }) => isAsyncFunction(handler));
  for (const mw of [...ctx.middleware].reverse()) {
    if (isAsyncFunction(mw)) inner = true;
    else if (inner) blocked.set(nameOf(mw), [...(blocked.get(nameOf(mw)) ?? []), label]);
  }
}

// RFC 9110 §15.5.6: a 405 lists the allowed methods; §9.3.7: OPTIONS says the same with 204.
// Returns the methods, '*' for a mount or a route that takes any.
function finishEntry(entry: Entry): string[] {
  const allow = [...entry.methods.keys()].filter((m) => m !== WS);
  if (entry.mount || allow.includes('*')) return ['*'];
  if (allow.length === 0) return allow;
  if (allow.includes('GET') && !allow.includes('HEAD')) allow.splice(allow.indexOf('GET') + 1, 0, 'HEAD');
  if (!allow.includes('OPTIONS')) allow.push('OPTIONS');
  const headers: Array<[string, string]> = [['allow', allow.join(', ')]];
  entry.notAllowed = buildChain(() => { throw new HttpError(405, 'Method Not Allowed', { headers }); }, '405', entry.ctx);
  entry.options = buildChain(() => new RouterResponse(null, { status: 204, headers }), 'OPTIONS', entry.ctx);
  return allow;
}
