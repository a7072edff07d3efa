import { RouterError, messages } from '../errors.js';

/**
 * The path of the route named `name` in `urls` (name → full pattern), filled with params: values are
 * percent-encoded (a wildcard keeps its slashes), a missing optional param drops its segment.
 *
 * @example
 * const urls = new Map([['user', '/users/:id/:tab?'], ['files', '/files/*']]);
 * urlFor(urls, 'user', { id: 'a b' });     // '/users/a%20b'
 * urlFor(urls, 'files', { '*': 'x/y z' }); // '/files/x/y%20z'
 */
export function urlFor(urls: ReadonlyMap<string, string>, name: string, params: Record<string, string | number> = {}): string {
  const pattern = urls.get(name);
  if (pattern === undefined) throw new RouterError(messages.unknownRoute(name), { code: 'url' });
  const out: string[] = [];
  for (const seg of pattern.split('/')) {
    const param = seg[0] === ':' ? seg.slice(1).replace(/\?$/, '') : seg[0] === '*' ? seg.slice(1) || '*' : null;
    if (param === null) {
      out.push(seg);
      continue;
    }
    const value = params[param];
    if (value === undefined) {
      if (seg.endsWith('?') || seg[0] === '*') continue;
      throw new RouterError(messages.missingParam(name, param), { code: 'url' });
    }
    out.push(String(value).split('/').map(encodeURIComponent).join(seg[0] === '*' ? '/' : '%2F'));
  }
  return out.join('/') || '/';
}
