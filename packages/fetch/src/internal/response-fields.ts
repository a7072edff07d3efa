// The app's response header list as the `headers` of a Response. A plain record when every name is
// distinct: runtimes build a record's fields natively, and Deno sends a 200 whose only field is a
// common Content-Type on its fastest path. Repeated names (Set-Cookie) keep a Headers object.
import { CONNECTION_SPECIFIC_FIELDS as CONNECTION_SPECIFIC, type HeaderList } from '@tsgi/async';

/**
 * The fields of a Response for `headers`, without the connection-specific ones: the runtime owns the
 * connection and the framing (async §3.4.4). `omitLength` leaves Content-Length out, for a body
 * handed over whole: the runtime frames it with that same length itself.
 *
 * @example
 * responseFields([['Content-Type', 'text/plain'], ['Connection', 'close']], false); // { 'content-type': 'text/plain' }
 */
export function responseFields(headers: HeaderList, omitLength: boolean): Record<string, string> | Headers {
  const record: Record<string, string> = {};
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    if (CONNECTION_SPECIFIC.has(key)) {
      // Connection names more fields to drop: the general path reads its tokens.
      if (key === 'connection') return fieldsObject(headers, omitLength);
      continue;
    }
    if (omitLength && key === 'content-length') continue;
    // A repeated name needs append; '__proto__' cannot be a plain record key.
    if (Object.hasOwn(record, key) || key === '__proto__') return fieldsObject(headers, omitLength);
    record[key] = value;
  }
  return record;
}

/** The general path: a Headers object, dropping the fields Connection names as well. */
function fieldsObject(headers: HeaderList, omitLength: boolean): Headers {
  const drop = new Set(CONNECTION_SPECIFIC);
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'connection') continue;
    for (const token of value.split(',')) if (token.trim() !== '') drop.add(token.trim().toLowerCase());
  }
  if (omitLength) drop.add('content-length');
  const fields = new Headers();
  for (const [name, value] of headers) if (!drop.has(name.toLowerCase())) fields.append(name, value);
  return fields;
}
