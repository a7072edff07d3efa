/**
 * Parses a Content-Type value into its lower-cased type and its parameters (RFC 9110 §8.3.1).
 *
 * @example
 * parseMediaType('multipart/form-data; boundary="a b"'); // { type: 'multipart/form-data', params: { boundary: 'a b' } }
 */
export function parseMediaType(value: string | null): { type: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  if (!value) return { type: '', params };
  const [type = '', ...rest] = value.split(';');
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    let v = part.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length > 1) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    params[part.slice(0, eq).trim().toLowerCase()] = v;
  }
  return { type: type.trim().toLowerCase(), params };
}
