// The few web-platform globals this runtime-neutral package uses, typed locally: lib is ES2023 only,
// and declaring them globally would clash with consumers' DOM or @types/node (see srvx's types).

interface Runtime {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => {
    decode(bytes: Uint8Array): string;
  };
  console: {
    error(...args: unknown[]): void;
    warn(...args: unknown[]): void;
  };
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const runtime = globalThis as unknown as Runtime;

const encoder = new runtime.TextEncoder();
// WHATWG Encoding: a non-fatal decoder puts U+FFFD in place of each invalid sequence.
const decoder = new runtime.TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** A string from UTF-8 bytes, U+FFFD for invalid sequences. */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export const { console } = runtime;
export const setTimeout = (callback: () => void, ms: number): unknown => runtime.setTimeout(callback, ms);
export const clearTimeout = (handle: unknown): void => runtime.clearTimeout(handle);
