import { RouterError, messages } from '../errors.js';

/**
 * Fills a route pattern with params to make a URL path; values are percent-encoded (a wildcard
 * keeps its slashes), a missing optional param drops its segment.
 *
 * @example
 * buildPath('user', '/users/:id/:tab?', { id: 'a b' }); // '/users/a%20b'
 * buildPath('files', '/files/*', { '*': 'x/y z' });     // '/files/x/y%20z'
 */
export function buildPath(name: string, pattern: string, params: Record<string, string | number> = {}): string {
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
