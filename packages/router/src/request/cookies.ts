import { decodeComponent } from './query.js';

/**
 * Parses a Cookie header into name → value (RFC 6265 §5.4). The first of repeated names wins, quotes
 * around a value go, and values are percent-decoded (what `setCookie` encodes).
 *
 * @example
 * parseCookies('sid=abc; theme="dark"; sid=zzz'); // { sid: 'abc', theme: 'dark' }
 */
export function parseCookies(header: string | null): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    // '+' is a literal in cookies, unlike in forms, so it must survive decoding.
    if (name && !(name in out)) out[name] = decodeComponent(value.replace(/\+/g, '%2B'));
  }
  return out;
}
