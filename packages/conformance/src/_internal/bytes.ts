// Byte helpers shared by the probes, the cases and the reference driver (runtime-neutral).

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

/** UTF-8 bytes of a string. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** A string from UTF-8 bytes. */
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

/** One byte per character, for latin-1 header values (RFC 9110 §5.5). */
export const latin1 = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

/** Joins chunks into one array. */
export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Deterministic pseudo-random bytes, so reordered or repeated chunks change the checksum. */
export function patterned(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    // xorshift32: cheap and never repeats within 2^32 - 1 steps
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
