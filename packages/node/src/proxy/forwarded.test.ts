import { describe, expect, it } from 'vitest';
import { createAddressMatcher } from './address-matcher.js';
import { readForwarded } from './forwarded.js';

const trusted = createAddressMatcher(['127.0.0.1', '10.0.0.0/8', '::1']);

describe('readForwarded', () => {
  it('ignores every proxy header from an untrusted peer', () => {
    expect(readForwarded('203.0.113.1', [['x-forwarded-for', '1.2.3.4'], ['x-forwarded-proto', 'https']], trusted)).toEqual({});
  });

  it('takes the right-most untrusted hop of X-Forwarded-For, never a spoofed left-most entry', () => {
    const headers: Array<[string, string]> = [['X-Forwarded-For', '6.6.6.6, 203.0.113.9, 10.0.0.5']];
    expect(readForwarded('127.0.0.1', headers, trusted)).toEqual({ client: ['203.0.113.9', 0] });
  });

  it('joins repeated X-Forwarded-For lines in order', () => {
    const headers: Array<[string, string]> = [['x-forwarded-for', '6.6.6.6'], ['x-forwarded-for', '203.0.113.9']];
    expect(readForwarded('127.0.0.1', headers, trusted).client).toEqual(['203.0.113.9', 0]);
  });

  it('takes the left-most hop when every hop is trusted', () => {
    expect(readForwarded('127.0.0.1', [['x-forwarded-for', '10.0.0.7, 10.0.0.5']], trusted).client).toEqual(['10.0.0.7', 0]);
  });

  it('believes only the right-most proto and host when their lists do not line up with the hops', () => {
    const headers: Array<[string, string]> = [
      ['x-forwarded-for', '203.0.113.9'],
      ['x-forwarded-proto', 'http, https'],
      ['x-forwarded-host', 'evil.example, shop.example'],
    ];
    expect(readForwarded('::1', headers, trusted)).toEqual({ client: ['203.0.113.9', 0], scheme: 'https', host: 'shop.example' });
  });

  it('reads RFC 7239 Forwarded, quoted IPv6 with a port included, and prefers it over X-Forwarded-*', () => {
    const headers: Array<[string, string]> = [
      ['forwarded', 'for=6.6.6.6;proto=http, for="[2001:db8::1]:4711";proto=https;host="shop.example"'],
      ['x-forwarded-for', '1.1.1.1'],
    ];
    expect(readForwarded('127.0.0.1', headers, trusted)).toEqual({ client: ['2001:db8::1', 4711], scheme: 'https', host: 'shop.example' });
  });

  it('keeps the peer as client for an obfuscated or unknown node, and drops a malformed host', () => {
    expect(readForwarded('127.0.0.1', [['forwarded', 'for=unknown;proto=https;host="bad host"']], trusted)).toEqual({ scheme: 'https' });
  });

  it('ignores a scheme other than http, https, ws or wss', () => {
    expect(readForwarded('127.0.0.1', [['x-forwarded-proto', 'gopher']], trusted)).toEqual({});
  });
});
