import { describe, expect, it } from 'vitest';
import { parseExtensionOffers, usableExtensionOffers } from './extension-offers.js';

describe('parseExtensionOffers', () => {
  it('reads names, bare parameters, token and quoted values, and skips empty list elements', () => {
    expect(parseExtensionOffers('permessage-deflate; client_max_window_bits ;server_max_window_bits="10", , x-foo')).toEqual([
      { name: 'permessage-deflate', params: [['client_max_window_bits', true], ['server_max_window_bits', '10']] },
      { name: 'x-foo', params: [] },
    ]);
  });

  it.each([
    ['an empty parameter', 'permessage-deflate;;'],
    ['a missing value', 'permessage-deflate; server_max_window_bits='],
    ['an unterminated quote', 'permessage-deflate; server_max_window_bits="10'],
    ['a quoted value that is not a token', 'permessage-deflate; x="a b"'],
    ['a separator inside a name', 'permessage/deflate'],
    ['a parameter with no extension', '; client_max_window_bits'],
  ])('refuses %s', (_case, value) => {
    expect(parseExtensionOffers(value)).toBeNull();
  });
});

describe('usableExtensionOffers', () => {
  it('keeps valid offers, written plainly', () => {
    expect(usableExtensionOffers('permessage-deflate; server_max_window_bits="12"; client_max_window_bits')).toBe(
      'permessage-deflate; server_max_window_bits=12; client_max_window_bits',
    );
  });

  it.each([
    ['a window size out of range', 'permessage-deflate; client_max_window_bits=99'],
    ['a window size with a leading zero', 'permessage-deflate; server_max_window_bits=09'],
    ['server_max_window_bits without a value', 'permessage-deflate; server_max_window_bits'],
    ['a value on a no-context-takeover flag', 'permessage-deflate; server_no_context_takeover=1'],
    ['an unknown parameter', 'permessage-deflate; foo=bar'],
    ['a repeated parameter', 'permessage-deflate; client_no_context_takeover; client_no_context_takeover'],
  ])('declines a permessage-deflate offer with %s (RFC 7692 §5)', (_case, value) => {
    expect(usableExtensionOffers(value)).toBeUndefined();
  });

  it('declines only the unusable offer and keeps the next one', () => {
    expect(usableExtensionOffers('permessage-deflate; client_max_window_bits=7, permessage-deflate; client_max_window_bits, x-other; a=b')).toBe(
      'permessage-deflate; client_max_window_bits, x-other; a=b',
    );
  });

  it('returns null for a value that breaks the grammar', () => {
    expect(usableExtensionOffers('permessage-deflate;;')).toBeNull();
  });
});
