// Which peers are trusted proxies: IPs and CIDR ranges, matched with node's BlockList.
import { BlockList, isIP } from 'node:net';

/** True when `address` is one of the trusted proxies. */
export type AddressMatcher = (address: string | undefined) => boolean;

/**
 * Builds a matcher for IPs and CIDR ranges; '*' trusts every peer. IPv4-mapped IPv6 peers
 * ('::ffff:10.0.0.1') match their IPv4 rules.
 *
 * @example
 * const trusted = createAddressMatcher(['127.0.0.1', '10.0.0.0/8', '::1']);
 * trusted('10.1.2.3'); // true
 * trusted('::ffff:127.0.0.1'); // true
 */
export function createAddressMatcher(entries: readonly string[]): AddressMatcher {
  if (entries.includes('*')) return (address) => address !== undefined;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (isIP(address) === 0) throw new TypeError(`not an IP address or CIDR range: ${JSON.stringify(entry)}`);
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return (address) => {
    if (address === undefined) return false;
    const plain = unmapped(address);
    const family = isIP(plain);
    if (family === 0) return false;
    return list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/** '::ffff:1.2.3.4' → '1.2.3.4'; other addresses unchanged. */
export function unmapped(address: string): string {
  // Runs twice per request: most addresses (127.0.0.1, 10.0.0.5) do not start with ':' at all.
  if (address.charCodeAt(0) !== 58) return address;
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match?.[1] ?? address;
}
