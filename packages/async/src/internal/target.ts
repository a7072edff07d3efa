// The request-target → rawPath, queryString and the decoded path (async §3.1.1). Splitting and
// decoding are @tsgi/sync's parseRequestTarget: one implementation, so a scope and the environ
// syncToAsync builds from it never disagree (docs/spec/sync.md §4.6 is the same rule).
import { parseRequestTarget, type RequestTarget } from '@tsgi/sync';
import { RequestError } from '../errors.js';
import { HTTP_MESSAGES } from '../messages.js';

/**
 * Splits a request-target, or throws a RequestError (400) naming async §3.1.2 for one to refuse.
 *
 * @example
 * splitTarget('/a%2Fb?x=1');   // { rawPath: '/a%2Fb', path: '/a/b', query: 'x=1' }
 * splitTarget('http://h?q=1'); // { rawPath: '/', path: '/', query: 'q=1', authority: 'h' }
 */
export function splitTarget(target: string): RequestTarget {
  const parsed = parseRequestTarget(target);
  if (!parsed.ok) throw new RequestError(HTTP_MESSAGES.badTarget(target));
  return parsed;
}

/**
 * Normalises a root path: '' or a path starting with '/' and never ending with one.
 *
 * @example
 * normalizeRootPath('/api/'); // '/api'
 */
export function normalizeRootPath(rootPath: string | undefined): string {
  if (!rootPath || rootPath === '/') return '';
  const trimmed = rootPath.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * The root-path rule (async §3.1.1): when the decoded path starts with rootPath at a segment
 * boundary, `path` is the rest; otherwise a proxy already stripped it and `path` is the whole path.
 *
 * @example
 * pathBelowRoot('/api/users', '/api'); // '/users'
 * pathBelowRoot('/apiary', '/api');    // '/apiary'
 * pathBelowRoot('/users', '/api');     // '/users'
 */
export function pathBelowRoot(path: string, rootPath: string): string {
  if (rootPath === '') return path;
  if (path === rootPath) return '';
  return path.startsWith(`${rootPath}/`) ? path.slice(rootPath.length) : path;
}
