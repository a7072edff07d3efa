// Mount paths: Express's raw `req.baseUrl` as a decoded rootPath, and which upgrade requests lie
// below a mount point (docs/spec/async.md §3.1.1, docs/spec/sync.md §4.8).

const decoder = new TextDecoder('utf-8');
const ESCAPE = /%([0-9A-Fa-f]{2})/;

/**
 * Percent-decodes a raw path the way the specs decode `path` / PATH_INFO: every `%XX` becomes its
 * byte (`%2F` included), a stray `%` stays, and the bytes are read as UTF-8 with U+FFFD for bad
 * sequences.
 *
 * @example
 * decodePath('/caf%C3%A9/a%2Fb'); // '/café/a/b'
 */
export function decodePath(raw: string): string {
  if (!ESCAPE.test(raw) && isAscii(raw)) return raw;
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    const hex = code === 0x25 ? raw.slice(i + 1, i + 3) : '';
    if (hex.length === 2 && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      // async §2.3: the target is a latin-1 string, one character per byte.
      bytes.push(code & 0xff);
    }
  }
  return decoder.decode(new Uint8Array(bytes));
}

/**
 * A mount path as a root path: leading `/`, no trailing `/`, `''` for the root.
 *
 * @example
 * normalizeMountPath('api/'); // '/api'
 * normalizeMountPath('/');    // ''
 */
export function normalizeMountPath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * True when the request-target's decoded path is the mount path or lies below it, on whole
 * segments and case-sensitively, like the root-path rule: '/api' owns '/api' and '/api/x', never
 * '/apiary'.
 *
 * @example
 * isBelowMount('/api/ws?x=1', '/api'); // true
 * isBelowMount('/apiary', '/api');     // false
 */
export function isBelowMount(target: string, mountPath: string): boolean {
  if (mountPath === '') return true;
  // RFC 9112 §3.2.2: an absolute-form target carries the path after its authority.
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target)?.[0].length ?? 0;
  const end = target.slice(origin).search(/[?#]/);
  const rest = target.slice(origin);
  const path = decodePath(end === -1 ? rest : rest.slice(0, end));
  return path === mountPath || path.startsWith(`${mountPath}/`);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
