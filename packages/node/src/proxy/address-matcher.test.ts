import { describe, expect, it } from 'vitest';
import { createAddressMatcher, unmapped } from './address-matcher.js';

describe('createAddressMatcher', () => {
  it('matches single addresses and CIDR ranges of both families', () => {
    const trusted = createAddressMatcher(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    expect(['127.0.0.1', '10.200.3.4', 'fd12::1'].map(trusted)).toEqual([true, true, true]);
    expect(['127.0.0.2', '11.0.0.1', 'fe80::1', 'not-an-ip', undefined].map(trusted)).toEqual([false, false, false, false, false]);
  });

  it('matches an IPv4-mapped IPv6 peer against its IPv4 rules', () => {
    expect(createAddressMatcher(['127.0.0.1'])('::ffff:127.0.0.1')).toBe(true);
    expect(unmapped('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(unmapped('::FFFF:10.1.2.3')).toBe('10.1.2.3');
  });

  it('leaves plain IPv4 and IPv6 addresses as they are', () => {
    expect(['10.1.2.3', '::1', 'fe80::1', '::ffff:10.1.2', '2001:db8::ffff:10.1.2.3'].map(unmapped)).toEqual(['10.1.2.3', '::1', 'fe80::1', '::ffff:10.1.2', '2001:db8::ffff:10.1.2.3']);
  });

  it("trusts every peer with '*'", () => {
    expect(createAddressMatcher(['*'])('198.51.100.7')).toBe(true);
  });

  it('refuses an entry that is not an address', () => {
    expect(() => createAddressMatcher(['localhost'])).toThrow(/not an IP address or CIDR range/);
  });
});
