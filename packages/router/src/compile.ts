// Resolve once, freeze, then run (STYLE.md rule 6): the router tree becomes one trie and one chain
// per route, and the sync or async interface is checked against it here, never per request.
import { syncToAsync, type AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import { buildChain, type Chain, type ChainContext } from './chain.js';
import { HttpError, RouterError, messages } from './errors.js';
import { DEFS, type RouterDefs } from './internal/defs.js';
import { isAsyncFunction } from './internal/kind.js';
import { parsePattern } from './matcher/pattern.js';
import { createTrie, type Trie } from './matcher/trie.js';
import type { RouterRequest } from './request/request.js';
import { RouterResponse } from './responses/response.js';
import type { LifespanHook, WebSocketHandler } from './types.js';

/** The trie key WebSocket lookups use; a space can never be in an HTTP method token. */
export const WS = ' ws';

export interface CompiledRoute {
  names: string[];
  chain: Chain;
  pattern: string;
}

export interface Entry {
  methods: Map<string, CompiledRoute>;
  ws: { names: string[]; handler: WebSocketHandler; pattern: string; ctx: ChainContext } | null;
  mount: { names: string[]; app: SyncApp | AsyncApp; async: boolean } | null;
  /** 405, with Allow; null when no HTTP route is here. */
  notAllowed: Chain | null;
  /** The automatic OPTIONS answer. */
  options: Chain | null;
  ctx: ChainContext;
}

export interface Table {
  trie: Trie<Entry>;
  notFound: Chain;
  /** The root's context: errors outside any route chain are rendered with it. */
  ctx: ChainContext;
  urls: Map<string, string>;
  startup: LifespanHook[];
  shutdown: LifespanHook[];
  bodyLimit: number;
}

const accept = (e: Entry, key: string): boolean =>
  e.mount !== null ||
  (key === WS
    ? e.ws !== null
    : e.methods.has(key) || e.methods.has('*') || (e.methods.size > 0 && (key === 'OPTIONS' || (key === 'HEAD' && e.methods.has('GET')))));

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

/** Compiles a router for one interface, freezing it and every sub-router. Throws a RouterError listing what does not fit. */
export function compile(root: { [DEFS]: RouterDefs }, mode: 'sync' | 'async'): Table {
  const { options } = root[DEFS];
  const base = { mode, debug: options.debug ?? false, log: options.log ?? defaultLog };
  const rootCtx: ChainContext = { ...base, middleware: root[DEFS].middleware, errorHandlers: root[DEFS].errorHandlers };
  const trie = createTrie<Entry>(accept);
  const table: Table = {
    trie,
    notFound: buildChain(() => { throw new HttpError(404, 'Not Found'); }, '404', rootCtx, false),
    ctx: rootCtx,
    urls: new Map(),
    startup: [],
    shutdown: [],
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
  };
  const refused: string[] = [];
  const blocked = new Map<string, string[]>();
  const visiting = new Set<RouterDefs>();

  const visit = (defs: RouterDefs, prefix: string, outer: ChainContext | null): void => {
    if (visiting.has(defs)) throw new RouterError(messages.patternInvalid(prefix, 'a router is mounted inside itself'), { code: 'mount' });
    visiting.add(defs);
    defs.frozen = true;
    const ctx: ChainContext = outer
      ? { ...base, middleware: [...outer.middleware, ...defs.middleware], errorHandlers: [...defs.errorHandlers, ...outer.errorHandlers] }
      : rootCtx;
    const entryAt = (segments: string[]) =>
      trie.upsert(segments, () => ({ methods: new Map(), ws: null, mount: null, notAllowed: null, options: null, ctx }));
    for (const hook of defs.startup) table.startup.push(hook);
    for (const hook of defs.shutdown) table.shutdown.push(hook);
    if (mode === 'sync') {
      for (const hook of [...defs.startup, ...defs.shutdown]) if (isAsyncFunction(hook)) refused.push(`lifespan hook ${nameOf(hook)}`);
      for (const mw of defs.middleware) if (isAsyncFunction(mw)) refused.push(`middleware ${nameOf(mw)}`);
      for (const { handler } of defs.errorHandlers) if (isAsyncFunction(handler)) refused.push(`error handler ${nameOf(handler)}`);
    }
    for (const def of defs.routes) {
      if (def.type === 'router') {
        visit(def.router[DEFS], join(prefix, def.prefix), ctx);
        continue;
      }
      if (def.type === 'app') {
        const pattern = `${prefix}${def.prefix}/*`;
        if (mode === 'sync' && def.async) refused.push(`mount ${prefix}${def.prefix || '/'} (an async app)`);
        // One interface inside (STYLE.md rule 1): a sync app in an async table is wrapped once, here.
        const app = mode === 'async' && !def.async ? syncToAsync(def.app as SyncApp) : def.app;
        for (const shape of parsePattern(pattern)) {
          const entry = entryAt(shape.segments);
          if (entry.mount) throw new RouterError(messages.duplicate(`a mount at '${pattern}'`), { code: 'duplicate' });
          entry.mount = { names: shape.names, app, async: mode === 'async' };
        }
        continue;
      }
      const pattern = join(prefix, def.pattern);
      if (def.type === 'ws') {
        if (mode === 'sync') refused.push(`WebSocket ${pattern}`);
        for (const shape of parsePattern(pattern)) {
          const entry = entryAt(shape.segments);
          if (entry.ws) throw new RouterError(messages.duplicate(`WebSocket ${pattern}`), { code: 'duplicate' });
          entry.ws = { names: shape.names, handler: def.handler, pattern, ctx };
        }
        continue;
      }
      const label = `${def.methods.join('|')} ${pattern}`;
      const isAsync = isAsyncFunction(def.handler);
      if (mode === 'sync' && isAsync) refused.push(label);
      if (mode === 'async') checkMiddleware(ctx, isAsync, label, blocked);
      const chain = buildChain(def.handler, label, ctx, isAsync);
      for (const shape of parsePattern(pattern)) {
        const entry = entryAt(shape.segments);
        for (const method of def.methods) {
          if (entry.methods.has(method)) throw new RouterError(messages.duplicate(`${method} ${pattern}`), { code: 'duplicate' });
          entry.methods.set(method, { names: shape.names, chain, pattern });
        }
      }
    }
    visiting.delete(defs);
  };
  visit(root[DEFS], '', null);
  collectNames(root[DEFS], '', table.urls);
  // The 404/405/OPTIONS answers are sync, but an async error handler may render them.
  if (mode === 'async') checkMiddleware(rootCtx, false, 'the 404 and 405 answers', blocked);

  if (refused.length > 0) throw new RouterError(messages.syncRefused(refused), { code: 'sync-refused' });
  for (const [mw, routes] of blocked) {
    throw new RouterError(messages.syncMiddlewareOverAsync(mw, routes), { code: 'sync-middleware' });
  }
  for (const entry of trie.values()) finishEntry(entry);
  return table;
}

/** Every named route's full pattern, sub-routers included; a repeated name is a RouterError. */
export function collectNames(defs: RouterDefs, prefix: string, names: Map<string, string>): Map<string, string> {
  for (const def of defs.routes) {
    if (def.type === 'router') collectNames(def.router[DEFS], join(prefix, def.prefix), names);
    else if (def.type !== 'app' && def.name !== undefined) {
      if (names.has(def.name)) throw new RouterError(messages.duplicate(`route name '${def.name}'`), { code: 'duplicate' });
      names.set(def.name, join(prefix, def.pattern));
    }
  }
  return names;
}

// async interface: a sync middleware cannot wait for an async handler, error handler or middleware
// inside it. Collected per middleware so the error names every route it blocks.
function checkMiddleware(ctx: ChainContext, handlerAsync: boolean, label: string, blocked: Map<string, string[]>): void {
  let inner = handlerAsync || ctx.errorHandlers.some(({ handler }) => isAsyncFunction(handler));
  for (let i = ctx.middleware.length - 1; i >= 0; i--) {
    const mw = ctx.middleware[i] as (typeof ctx.middleware)[number];
    if (isAsyncFunction(mw)) inner = true;
    else if (inner) blocked.set(nameOf(mw), [...(blocked.get(nameOf(mw)) ?? []), label]);
  }
}

// RFC 9110 §15.5.6: a 405 lists the allowed methods; §9.3.7: OPTIONS says the same with 204.
function finishEntry(entry: Entry): void {
  if (entry.methods.size === 0 || entry.methods.has('*')) return;
  const allow = [...entry.methods.keys()];
  if (allow.includes('GET') && !allow.includes('HEAD')) allow.splice(allow.indexOf('GET') + 1, 0, 'HEAD');
  if (!allow.includes('OPTIONS')) allow.push('OPTIONS');
  const value = allow.join(', ');
  entry.notAllowed = buildChain(
    () => {
      throw new HttpError(405, 'Method Not Allowed', { headers: [['allow', value]] });
    },
    '405',
    entry.ctx,
    false,
  );
  entry.options = buildChain(() => new RouterResponse(null, { status: 204, headers: { allow: value } }), 'OPTIONS', entry.ctx, false);
}
