// Base64 without node:buffer, so the package stays runtime-neutral (RFC 4648 §4, standard alphabet).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;
// RFC 4648 §5: accept the URL-safe alphabet too; some proxies re-encode with it.
LOOKUP['-'.charCodeAt(0)] = 62;
LOOKUP['_'.charCodeAt(0)] = 63;

/** Encodes bytes as padded standard base64. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + '=';
  }
  return out;
}

/**
 * Decodes base64 (padding and whitespace optional); returns null for text that is not base64: a
 * character outside both alphabets, anything but padding after `=`, a length no encoder makes, or
 * leftover bits that are not zero (RFC 4648 §3.5) — so text wrongly flagged base64 is refused, not
 * turned into a few bytes of garbage.
 *
 * @example
 * decodeBase64('aGk=') // bytes of 'hi'
 * decodeBase64('hello') // null (5 characters: no encoder ends with one left over)
 */
export function decodeBase64(text: string): Uint8Array | null {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let length = 0;
  let buffer = 0;
  let bits = 0;
  let count = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 10 || code === 13 || code === 9) continue;
    if (code === 61 /* = */) {
      padding += 1;
      continue;
    }
    // RFC 4648 §3.3: data after padding is not base64 (it would be silently dropped).
    if (padding > 0) return null;
    const value = code < 128 ? LOOKUP[code]! : -1;
    if (value < 0) return null;
    count += 1;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (buffer >> bits) & 0xff;
    }
  }
  // One character left over carries 6 bits, not a byte: no encoder ends that way.
  if (count % 4 === 1) return null;
  if (padding > 0 && (padding > 2 || (count + padding) % 4 !== 0)) return null;
  // RFC 4648 §3.5: the bits after the last whole byte are zero in any real encoding.
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return out.subarray(0, length);
}
