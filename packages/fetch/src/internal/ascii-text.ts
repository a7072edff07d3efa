// A short all-ASCII body as a string. Deno copies a Uint8Array body into a new ArrayBuffer (work for
// the garbage collector on every response) but sends a string on its fastest path; for ASCII bytes
// the string's UTF-8 encoding is exactly those bytes, so nothing on the wire changes.

/** Longer bodies stay bytes: scanning them would cost more than the copy saves. */
const ASCII_TEXT_LIMIT = 1024;

/**
 * The bytes as a string when there are at most 1 KiB of them and every one is ASCII, else undefined.
 *
 * @example
 * asciiText(new TextEncoder().encode('Hello')); // 'Hello'
 * asciiText(new Uint8Array([0xc3, 0xa9]));      // undefined
 */
export function asciiText(bytes: Uint8Array): string | undefined {
  if (bytes.byteLength > ASCII_TEXT_LIMIT) return undefined;
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) > 0x7f) return undefined;
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}
