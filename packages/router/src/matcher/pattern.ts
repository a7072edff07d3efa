import { RouterError, messages } from '../errors.js';

/** One parsed pattern: its segments, and the param names in capture order. */
export interface ParsedPattern {
  /** Static text, `:` for a param, `*` for a trailing wildcard. */
  segments: string[];
  names: string[];
}

// An identifier; '__proto__' (any case, to keep the check short) would name the params object's
// prototype instead of a param.
const NAME = /^(?!__proto__$)[a-z_$][\w$]*$/i;

/**
 * Parses a route pattern into every concrete shape it stands for: an optional param expands into
 * the pattern with and without that segment.
 *
 * @example
 * parsePattern('/users/:id?');
 * // [{ segments: ['users'], names: [] }, { segments: ['users', ':'], names: ['id'] }]
 */
export function parsePattern(pattern: string): ParsedPattern[] {
  if (!pattern.startsWith('/')) throw new RouterError(messages.patternSlash(pattern), { code: 'pattern' });
  const parts = pattern.slice(1).split('/');
  // `skipped`: the shape left out the optional param just before, so a following optional param
  // must be left out too ('/:year?/:slug?' never means a slug without a year).
  let shapes: Array<ParsedPattern & { skipped?: boolean }> = [{ segments: [], names: [] }];
  const add = (seg: string, name?: string) => (s: ParsedPattern) => ({
    segments: [...s.segments, seg],
    names: name === undefined ? s.names : [...s.names, name],
  });
  parts.forEach((part, index) => {
    const bad = (why: string) => new RouterError(messages.patternInvalid(pattern, why), { code: 'pattern' });
    const wildcard = part.startsWith('*');
    const optional = !wildcard && part.endsWith('?');
    const name = wildcard ? part.slice(1) || '*' : part.startsWith(':') ? part.slice(1, optional ? -1 : undefined) : null;
    if (wildcard && index !== parts.length - 1) throw bad('a wildcard must be the last segment');
    if (name === null) {
      shapes = shapes.map(add(part));
      return;
    }
    if (name !== '*' && !NAME.test(name)) throw bad(`'${name}' is not a valid param name`);
    if (shapes.some((s) => s.names.includes(name))) throw bad(`param '${name}' appears twice`);
    const withParam = (optional ? shapes.filter((s) => !s.skipped) : shapes).map(add(wildcard ? '*' : ':', name));
    shapes = optional ? [...shapes.map((s) => ({ ...s, skipped: true })), ...withParam] : withParam;
  });
  // '/:id?' without its param is the root, whose one segment is empty.
  return shapes.map((s) => ({ segments: s.segments.length ? s.segments : [''], names: s.names }));
}
