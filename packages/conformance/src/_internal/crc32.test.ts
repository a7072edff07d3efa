import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { patterned, utf8 } from './bytes.js';
import { crc32Hex, crc32Update, toHex } from './crc32.js';

describe('crc32', () => {
  it('matches the standard check value for "123456789"', () => {
    expect(crc32Hex(utf8('123456789'))).toBe('cbf43926');
  });

  it('gives the same result fed in pieces as in one go', () => {
    const whole = utf8('The quick brown fox jumps over the lazy dog');
    const pieces = crc32Update(crc32Update(0, whole.subarray(0, 10)), whole.subarray(10));
    expect(toHex(pieces)).toBe(crc32Hex(whole));
    expect(crc32Hex(whole)).toBe('414fa339');
  });

  it('agrees with zlib on a megabyte of patterned bytes', () => {
    const bytes = patterned(1024 * 1024 + 3, 9);
    expect(crc32Hex(bytes)).toBe(crc32(bytes).toString(16).padStart(8, '0'));
  });

  it('is 00000000 for no bytes', () => {
    expect(crc32Hex(new Uint8Array(0))).toBe('00000000');
  });
});
