// Bytes ⇄ text. Every runtime tsgi targets has TextEncoder/TextDecoder, but our lib settings
// (ES2023, no DOM) do not declare them, so they are reached through a typed globalThis.

interface Decoder {
  decode(input: Uint8Array): string;
}
const codecs = globalThis as unknown as {
  TextDecoder: new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => Decoder;
  TextEncoder: new () => { encode(input: string): Uint8Array };
};

const encoder = new codecs.TextEncoder();
const lenient = new codecs.TextDecoder();

/** An empty chunk, shared. */
export const EMPTY = new Uint8Array(0);

/** String → UTF-8 bytes. */
export const encode = (text: string): Uint8Array => encoder.encode(text);

/** UTF-8 bytes → string, U+FFFD for invalid sequences. */
export const decode = (bytes: Uint8Array): string => lenient.decode(bytes);

/** Bytes → string in `charset`; throws a TypeError on invalid input or an unknown charset. */
export const decodeStrict = (bytes: Uint8Array, charset = 'utf-8'): string =>
  new codecs.TextDecoder(charset, { fatal: true }).decode(bytes);

/** Joins chunks into one array. */
export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  size = 0;
  for (const c of chunks) {
    out.set(c, size);
    size += c.length;
  }
  return out;
}

/** A latin-1 string (one character per byte, as header values are) → UTF-8 text. */
export const latin1ToUtf8 = (text: string): string =>
  // eslint-disable-next-line no-control-regex -- the range is the point: ASCII needs no work
  /^[\x00-\x7f]*$/.test(text) ? text : decode(Uint8Array.from(text, (c) => c.charCodeAt(0)));
