// Header values cross the JSON boundary as text, but tsgi header values are latin-1 "byte strings"
// (docs/spec/sync.md §4.4, async §2.3): one character per byte.
import { fromUtf8Strict, utf8 } from './runtime.js';

/** Turns a JSON header value into a latin-1 byte string: non-latin-1 text becomes its UTF-8 bytes. */
export function toLatin1(value: string): string {
  // eslint-disable-next-line no-control-regex -- checking the whole latin-1 range on purpose
  if (/^[\u0000-\u00ff]*$/.test(value)) return value;
  let out = '';
  for (const byte of utf8(value)) out += String.fromCharCode(byte);
  return out;
}

/** Turns a latin-1 byte string back into JSON text: bytes that form valid UTF-8 are read as UTF-8. */
export function fromLatin1(value: string): string {
  // eslint-disable-next-line no-control-regex -- plain ASCII needs no work
  if (/^[\u0000-\u007f]*$/.test(value)) return value;
  const bytes = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) bytes[i] = value.charCodeAt(i) & 0xff;
  return fromUtf8Strict(bytes) ?? value;
}
