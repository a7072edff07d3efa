// Shared by both interfaces: which chain or mounted app answers a method and path.
import type { AsyncApp } from '@tsgi/async';
import type { SyncApp } from '@tsgi/sync';
import type { Chain } from './chain.js';
import { type CompiledRoute, picked, type Table } from './compile.js';

export type Resolved =
  | { type: 'route'; route: CompiledRoute; chain: Chain; params: Record<string, string>; pattern: string }
  /** 404, 405 or the automatic OPTIONS answer: no params, no body read. */
  | { type: 'answer'; chain: Chain }
  | { type: 'mount'; app: SyncApp | AsyncApp; prefix: string; path: string };

/**
 * Resolves a request: an exact method first, then `all`, then GET for HEAD (RFC 9110 §9.3.2), the
 * automatic OPTIONS, a mounted app, and finally 405 (the path exists) or 404.
 *
 * @example
 * resolve(table, 'HEAD', '/users/1'); // { type: 'route', chain: <GET /users/:id>, params: { id: '1' }, ... }
 */
export function resolve(table: Table, method: string, path: string): Resolved {
  // The asterisk-form target (sync §4.6, async §3.1.1): only OPTIONS has a meaning for it.
  if (path === '*') return { type: 'answer', chain: method === 'OPTIONS' ? table.serverOptions : table.notFound };
  const { trie } = table;
  const entry = trie.match(path || '/', method);
  if (entry === null) return { type: 'answer', chain: trie.fallback?.notAllowed ?? table.notFound };
  const route = picked;
  if (route) return { type: 'route', route, chain: route.chain, params: route.params(trie.param), pattern: route.pattern };
  if (method === 'OPTIONS' && entry.options) return { type: 'answer', chain: entry.options };
  // The remainder after the mount point moves to the path, the rest to the root path ('' when the
  // request is the mount point itself, as PATH_INFO is under SCRIPT_NAME).
  const at = trie.restAt();
  return { type: 'mount', app: entry.mount as SyncApp | AsyncApp, prefix: path.slice(0, at), path: path.slice(at) };
}
