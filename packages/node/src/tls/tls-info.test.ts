import { execFileSync } from 'node:child_process';
import { DEFAULT_CIPHERS } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { CIPHER_SUITES } from './cipher-suites.js';
import { distinguishedName } from './tls-info.js';

describe('distinguishedName', () => {
  it('reverses the RDNs into RFC 4514 order and keeps escapes', () => {
    expect(distinguishedName('C=US\nO=Acme\\, Inc.\nCN=alice')).toBe('CN=alice,O=Acme\\, Inc.,C=US');
  });

  it("joins a multi-valued RDN with a bare '+' and leaves an escaped '+' alone", () => {
    expect(distinguishedName('CN=a \\+ b\nOU=R&D + O=Org')).toBe('OU=R&D+O=Org,CN=a \\+ b');
  });
});

// TLS 1.3 suites are configured apart from the rest; openssl lists only those it is given.
const TLS13_SUITES = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256';

describe('CIPHER_SUITES', () => {
  // openssl prints each suite as "0xC0,0x2F - ECDHE-RSA-AES128-GCM-SHA256 - TLS_ECDHE_RSA_WITH_… ...".
  const listed = new Map(
    execFileSync('openssl', ['ciphers', '-V', '-stdname', '-ciphersuites', TLS13_SUITES, 'ALL:COMPLEMENTOFALL'], { encoding: 'utf8' })
      .split('\n')
      .map((line) => /^\s*0x([0-9A-F]{2}),0x([0-9A-F]{2})\s+-\s+(\S+)/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[3] ?? '', Number.parseInt(`${match[1]}${match[2]}`, 16)]),
  );

  it('gives the number openssl lists for every suite it names', () => {
    for (const [name, number] of Object.entries(CIPHER_SUITES)) expect([name, listed.get(name)]).toEqual([name, number]);
  });

  it("names every suite node's default cipher list can negotiate", () => {
    const defaults = execFileSync('openssl', ['ciphers', '-stdname', DEFAULT_CIPHERS], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.split(' - ')[0]?.trim() ?? '')
      .filter((name) => name.startsWith('TLS_'));
    expect(defaults.length).toBeGreaterThan(10);
    expect(defaults.filter((name) => CIPHER_SUITES[name] === undefined)).toEqual([]);
  });
});
