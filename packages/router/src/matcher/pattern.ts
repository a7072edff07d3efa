import { RouterError, messages } from '../errors.js';

/** One parsed pattern: its segments, and the param names in capture order. */
export interface ParsedPattern {
  /** Static text, `:` for a param, `*` for a trailing wildcard. */
  segments: string[];
  names: string[];
}

const NAME = /^[A-Za-z_$][\w$]*$/;

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
  let shapes: ParsedPattern[] = [{ segments: [], names: [] }];
  parts.forEach((part, index) => {
    const bad = (why: string) => new RouterError(messages.patternInvalid(pattern, why), { code: 'pattern' });
    if (part.startsWith('*')) {
      if (index !== parts.length - 1) throw bad('a wildcard must be the last segment');
      const name = part.slice(1) || '*';
      if (name !== '*' && !NAME.test(name)) throw bad(`'${name}' is not a valid param name`);
      shapes = shapes.map((s) => ({ segments: [...s.segments, '*'], names: [...s.names, name] }));
      return;
    }
    if (!part.startsWith(':')) {
      shapes = shapes.map((s) => ({ segments: [...s.segments, part], names: s.names }));
      return;
    }
    const optional = part.endsWith('?');
    const name = part.slice(1, optional ? -1 : undefined);
    if (!NAME.test(name)) throw bad(`'${name}' is not a valid param name`);
    if (shapes.some((s) => s.names.includes(name))) throw bad(`param '${name}' appears twice`);
    const withParam = shapes.map((s) => ({ segments: [...s.segments, ':'], names: [...s.names, name] }));
    shapes = optional ? [...shapes, ...withParam] : withParam;
  });
  // '/:id?' without its param is the root, whose one segment is empty.
  return shapes.map((s) => (s.segments.length ? s : { segments: [''], names: s.names }));
}
