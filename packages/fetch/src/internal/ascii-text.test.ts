import { describe, expect, it } from 'vitest';
import { asciiText } from './ascii-text.js';

describe('asciiText', () => {
  it('turns short ASCII bytes into the string with the same UTF-8 bytes', () => {
    const bytes = new TextEncoder().encode('{"message":"Hello, World!"}\n\t\0');
    const text = asciiText(bytes);
    expect(text).toBe('{"message":"Hello, World!"}\n\t\0');
    expect(new TextEncoder().encode(text)).toEqual(bytes);
  });

  it('leaves bytes above 0x7F alone: their UTF-8 string would be other bytes', () => {
    expect(asciiText(new Uint8Array([0x41, 0xe9]))).toBeUndefined();
    expect(asciiText(new TextEncoder().encode('café'))).toBeUndefined();
  });

  it('leaves a body over 1 KiB alone', () => {
    expect(asciiText(new Uint8Array(1024).fill(0x61))).toBe('a'.repeat(1024));
    expect(asciiText(new Uint8Array(1025).fill(0x61))).toBeUndefined();
  });
});
