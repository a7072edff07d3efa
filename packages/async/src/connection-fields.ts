// Connection-specific response fields (async §3.4 rule 4): framing is the server's job, so a host
// that frames responses itself, or speaks HTTP/2, leaves the app's out.
import type { HeaderList } from './types/common.js';

/** RFC 9110 §7.6.1 and RFC 9113 §8.2.2: fields that describe one connection, never the message. */
export const CONNECTION_SPECIFIC_FIELDS: ReadonlySet<string> = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);

/**
 * The header list without connection-specific fields, nor the ones a Connection field names
 * (RFC 9110 §7.6.1). Returns the same list when there is nothing to drop.
 *
 * @example
 * withoutConnectionFields([['content-type', 'text/plain'], ['connection', 'x-hop'], ['x-hop', '1']]);
 * // [['content-type', 'text/plain']]
 */
export function withoutConnectionFields(headers: HeaderList): HeaderList {
  let drop: Set<string> | null = null;
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    if (!CONNECTION_SPECIFIC_FIELDS.has(key)) continue;
    drop ??= new Set(CONNECTION_SPECIFIC_FIELDS);
    if (key === 'connection') for (const token of value.split(',')) if (token.trim() !== '') drop.add(token.trim().toLowerCase());
  }
  if (drop === null) return headers;
  const named = drop;
  return headers.filter(([name]) => !named.has(name.toLowerCase()));
}
