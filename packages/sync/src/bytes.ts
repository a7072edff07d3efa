// Byte ⇄ string conversions the spec fixes (docs/spec/sync.md §4.6). Runtime-neutral: every runtime tsgi
// targets has TextEncoder/TextDecoder, but our lib settings (ES2023, no DOM) do not declare them.

interface Utf8Decoder {
  decode(input: Uint8Array): string;
}
interface Utf8Encoder {
  encode(input: string): Uint8Array;
}
const codecs = globalThis as unknown as {
  TextDecoder: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => Utf8Decoder;
  TextEncoder: new () => Utf8Encoder;
};

// WHATWG Encoding: a non-fatal decoder replaces each invalid sequence with U+FFFD. ignoreBOM keeps a
// leading %EF%BB%BF in a path instead of silently dropping it.
const decoder = new codecs.TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const encoder = new codecs.TextEncoder();

/** An empty chunk, shared. */
export const EMPTY = new Uint8Array(0);

/** UTF-8 bytes → string, U+FFFD for invalid sequences. */
export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** String → UTF-8 bytes. */
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** True when every character is U+0000..U+00FF, i.e. the string stands for bytes one to one. */
export function isLatin1(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- the range is the point: U+0000..U+00FF
  return !/[^\x00-\xff]/.test(text);
}

/** True for one or more ASCII digits and nothing else (`/^\d+$/` without the pattern's call). */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** A latin-1 string (one character per byte) → its bytes. */
export function latin1ToBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * Percent-decodes a latin-1 string to bytes; a `%` not followed by two hex digits stays literal.
 *
 * @example
 * decodeUtf8(percentDecode('/caf%C3%A9%2Fx%zz')); // '/café/x%zz'
 */
export function percentDecode(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x25 && i + 2 < text.length && isHex(text, i + 1) && isHex(text, i + 2)) {
      bytes[length++] = parseInt(text.slice(i + 1, i + 3), 16);
      i += 2;
    } else {
      bytes[length++] = code;
    }
  }
  return bytes.subarray(0, length);
}

function isHex(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/** True for a Uint8Array (or a subclass such as Buffer) from any realm. */
export function isBytes(value: unknown): value is Uint8Array {
  return (
    value instanceof Uint8Array ||
    (ArrayBuffer.isView(value) && (value as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] === 'Uint8Array')
  );
}

/** Joins chunks into one array; returns the only chunk itself when there is one. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const nonEmpty = chunks.filter((chunk) => chunk.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? EMPTY;
  const out = new Uint8Array(nonEmpty.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of nonEmpty) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** A short description of a value for error messages: `number 200`, `string "x"`, `Promise`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'object' || typeof value === 'function') {
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    return tag === 'Object' ? (value.constructor?.name ?? 'object') : tag;
  }
  const primitive: string | number | boolean | bigint | symbol | undefined = value as never;
  return `${typeof primitive} ${String(primitive)}`;
}
