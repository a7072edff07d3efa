import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('base64', () => {
  // RFC 4648 §10 test vectors.
  const vectors: Array<[string, string]> = [
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ];

  it.each(vectors)('encodes %j as %j', (plain, encoded) => {
    expect(encodeBase64(bytes(plain))).toBe(encoded);
  });

  it.each(vectors)('decodes %j from %j', (plain, encoded) => {
    expect(decodeBase64(encoded)).toEqual(bytes(plain));
  });

  it('round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeBase64(encodeBase64(all))).toEqual(all);
  });

  it('accepts missing padding, line breaks and the URL-safe alphabet', () => {
    expect(decodeBase64('Zm9vYg')).toEqual(bytes('foob'));
    expect(decodeBase64('Zm9v\r\nYmFy')).toEqual(bytes('foobar'));
    expect(decodeBase64('-_8')).toEqual(decodeBase64('+/8'));
  });

  it('returns null for text that is not base64', () => {
    expect(decodeBase64('not base64!')).toBeNull();
    expect(decodeBase64('Zm9v€')).toBeNull();
  });

  // Text wrongly flagged isBase64Encoded used to decode to a few bytes of garbage.
  it.each([
    ['plain text of a length no encoder makes', 'hello'],
    ['plain text with non-zero leftover bits', 'hi there'],
    ['data after the padding', 'aGk=garbage'],
    ['more than two padding characters', 'aGk==='],
    ['padding that does not complete a quantum', 'aGk=='],
  ])('returns null for %s', (_what, text) => {
    expect(decodeBase64(text)).toBeNull();
  });
});
