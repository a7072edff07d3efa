// Rebuilding QUERY_STRING from the parameter maps sources deliver (PEP 3333 asks for the query
// exactly as sent; API Gateway v1 and ALB only hand over maps).
import type { MultiValueMap, StringMap } from '../aws-types.js';
import { escapeQuery, escapeQueryComponent } from './path.js';

/** How a source delivered its parameters: API Gateway decodes them, ALB passes them as sent. */
export type ParameterEncoding = 'decoded' | 'encoded';

/**
 * Joins parameter maps into a raw query string, multi-value map first (it carries repeated keys).
 * Keys keep their first-seen order and each key's values keep theirs; the interleaving of different
 * keys (`a=1&b=2&a=3`) is not in the maps, so it cannot be restored.
 *
 * @example
 * queryFromMaps({ q: ['a b', 'c&d'] }, null, 'decoded') // 'q=a%20b&q=c%26d'
 * queryFromMaps({ q: ['a%20b'] }, null, 'encoded')       // 'q=a%20b'
 */
export function queryFromMaps(multi: MultiValueMap, single: StringMap, encoding: ParameterEncoding): string {
  const pairs: string[] = [];
  // Decoded values are escaped only where their meaning would change; ALB's are kept as sent.
  const encode = encoding === 'decoded' ? escapeQueryComponent : (text: string) => escapeQuery(text, { raw: true });
  const useMulti = multi != null && Object.keys(multi).length > 0;
  if (useMulti) {
    for (const [key, values] of Object.entries(multi)) {
      for (const value of values ?? []) pairs.push(`${encode(key)}=${encode(value)}`);
    }
  } else if (single != null) {
    for (const [key, value] of Object.entries(single)) {
      if (value !== undefined) pairs.push(`${encode(key)}=${encode(value)}`);
    }
  }
  return pairs.join('&');
}
