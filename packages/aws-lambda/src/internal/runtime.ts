// The few web-platform globals this runtime-neutral package uses, typed locally: lib is ES2023 only,
// and declaring them globally would clash with consumers' DOM or @types/node types.
interface Runtime {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
  console: { error(...args: unknown[]): void; warn(...args: unknown[]): void };
}

const runtime = globalThis as unknown as Runtime;
const encoder = new runtime.TextEncoder();
const strict = new runtime.TextDecoder('utf-8', { fatal: true });

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Text from UTF-8 bytes, or null when they are not valid UTF-8. */
export function fromUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}

export const { console } = runtime;
