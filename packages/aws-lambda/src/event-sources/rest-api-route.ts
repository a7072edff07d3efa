// Where a REST API's route starts inside `path`. On a custom domain, API Gateway routes below the API
// mapping but leaves the mapping key in both `path` and `requestContext.path`; only the matched
// `resource` template and its `pathParameters` show which trailing segments are the route.
import { decodePath } from '../internal/path.js';

const PARAM = /^\{([^{}+]+)\}$/;
const GREEDY = /^\{([^{}+]+)\+\}$/;

/** Whether raw path segments match template segments one for one (a `{param}` takes any non-empty one). */
function matchesSegments(raw: readonly string[], template: readonly string[]): boolean {
  if (raw.length !== template.length) return false;
  return template.every((part, i) => (PARAM.test(part) ? raw[i] !== '' : raw[i] === part));
}

/**
 * The part of `path` in front of the route `resource` matched, `''` when the route is the whole
 * path, or null when the path does not end with that route (then nothing is moved).
 *
 * @example
 * mappingPrefix('/shop/v1/items/42', '/{proxy+}', { proxy: 'items/42' }) // '/shop/v1'
 * mappingPrefix('/shop/v1/items/42', '/items/{id}', { id: '42' })        // '/shop/v1'
 * mappingPrefix('/items/42', '/items/{id}', { id: '42' })                // ''
 */
export function mappingPrefix(path: string, resource: string, parameters: Record<string, string | undefined>): string | null {
  if (resource === '/') return path === '/' ? '' : path.replace(/\/$/, '');
  // API Gateway matches '/v1/payment/' to the resource '/payment': a trailing slash is no segment.
  const segments = (path.endsWith('/') ? path.slice(0, -1) : path).split('/');
  const template = resource.split('/').slice(1);
  const greedy = GREEDY.exec(template[template.length - 1] ?? '')?.[1];
  if (greedy === undefined) {
    const start = segments.length - template.length;
    return start >= 1 && matchesSegments(segments.slice(start), template) ? segments.slice(0, start).join('/') : null;
  }
  // A greedy parameter takes one or more whole segments; its value may arrive decoded (a %2F as '/'),
  // so the tail is compared both raw and decoded, shortest first.
  const value = parameters[greedy]?.replace(/\/$/, '');
  if (value === undefined || value === '') return null;
  const literal = template.slice(0, -1);
  for (let taken = 1; segments.length - taken - literal.length >= 1; taken++) {
    const tail = segments.slice(-taken).join('/');
    if (tail !== value && decodePath(tail) !== decodePath(value)) continue;
    const start = segments.length - taken - literal.length;
    return matchesSegments(segments.slice(start, -taken), literal) ? segments.slice(0, start).join('/') : null;
  }
  return null;
}
