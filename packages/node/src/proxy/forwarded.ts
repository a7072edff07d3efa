// Proxy headers (RFC 7239 Forwarded, X-Forwarded-For/-Proto/-Host), believed only from trusted peers.
import type { Address, HeaderList } from '@tsgi/async';
import { isIP } from 'node:net';
import type { AddressMatcher } from './address-matcher.js';

/** What trusted proxy headers say about the original request. */
export interface ForwardedInfo {
  client?: Address;
  scheme?: 'http' | 'https';
  host?: string;
}

interface Hop {
  for?: string;
  proto?: string;
  host?: string;
}

const SCHEMES: Record<string, 'http' | 'https'> = { http: 'http', https: 'https', ws: 'http', wss: 'https' };
// RFC 9110 §7.2: uri-host [":" port]; no whitespace, no controls, no userinfo.
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::\d{1,5})?$/;

/**
 * Reads proxy headers when the peer is trusted. Walking hops from the right, the client is the
 * first address that is not a trusted proxy (all trusted: the left-most), so a client cannot
 * spoof itself in with a left-most entry. Forwarded wins over X-Forwarded-* when both are present.
 *
 * @example
 * // peer 127.0.0.1 (trusted), X-Forwarded-For: 6.6.6.6, 203.0.113.9, X-Forwarded-Proto: https
 * readForwarded('127.0.0.1', headers, trusted); // { client: ['203.0.113.9', 0], scheme: 'https' }
 */
export function readForwarded(peer: string | undefined, headers: HeaderList, trusted: AddressMatcher): ForwardedInfo {
  if (!trusted(peer)) return {};
  const forwarded = joined(headers, 'forwarded');
  const hops = forwarded === undefined ? xForwardedHops(headers) : forwardedHops(forwarded);
  if (hops.length === 0) return {};
  let chosen = hops[0];
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = nodeAddress(hops[i]?.for);
    if (!address || !trusted(address[0])) {
      chosen = hops[i];
      break;
    }
  }
  const info: ForwardedInfo = {};
  const client = nodeAddress(chosen?.for);
  if (client) info.client = client;
  const scheme = SCHEMES[chosen?.proto?.toLowerCase() ?? ''];
  if (scheme) info.scheme = scheme;
  if (chosen?.host !== undefined && HOST.test(chosen.host)) info.host = chosen.host;
  return info;
}

/** RFC 9110 §5.3: repeated field lines are one comma-separated list, in order. */
function joined(headers: HeaderList, name: string): string | undefined {
  const values = headers.filter(([key]) => key.toLowerCase() === name).map(([, value]) => value);
  return values.length === 0 ? undefined : values.join(',');
}

function list(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

function xForwardedHops(headers: HeaderList): Hop[] {
  const fors = list(joined(headers, 'x-forwarded-for'));
  const protos = list(joined(headers, 'x-forwarded-proto'));
  const hosts = list(joined(headers, 'x-forwarded-host'));
  if (fors.length === 0) {
    // Only proto/host: the nearest proxy (the right-most entry) set them.
    return protos.length + hosts.length === 0 ? [] : [{ ...pick('proto', protos.at(-1)), ...pick('host', hosts.at(-1)) }];
  }
  // Values line up with X-Forwarded-For when the lists have equal length; otherwise only the
  // right-most (appended by the trusted proxy) is believed.
  return fors.map((address, i) => ({
    for: address,
    ...pick('proto', protos.length === fors.length ? protos[i] : protos.at(-1)),
    ...pick('host', hosts.length === fors.length ? hosts[i] : hosts.at(-1)),
  }));
}

function pick<K extends keyof Hop>(key: K, value: string | undefined): Partial<Hop> {
  return value === undefined ? {} : { [key]: value };
}

/** RFC 7239 §4: elements separated by ',', pairs by ';', values tokens or quoted strings. */
function forwardedHops(value: string): Hop[] {
  const hops: Hop[] = [];
  for (const element of splitQuoted(value, ',')) {
    const hop: Hop = {};
    for (const pair of splitQuoted(element, ';')) {
      const eq = pair.indexOf('=');
      if (eq === -1) continue;
      const key = pair.slice(0, eq).trim().toLowerCase();
      const raw = pair.slice(eq + 1).trim();
      const text = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
      if (key === 'for' || key === 'proto' || key === 'host') hop[key] = text;
    }
    hops.push(hop);
  }
  return hops;
}

function splitQuoted(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i] ?? '';
    if (char === '"') quoted = !quoted;
    else if (char === '\\' && quoted) {
      current += char + (value[i + 1] ?? '');
      i++;
      continue;
    }
    if (char === separator && !quoted) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

/** A `for` value as an address: '1.2.3.4', '1.2.3.4:80', '[::1]:80', '::1'; null for 'unknown' or '_hidden'. */
function nodeAddress(value: string | undefined): Address | null {
  if (value === undefined) return null;
  if (isIP(value) !== 0) return [value, 0];
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(value);
  if (bracketed && isIP(bracketed[1] ?? '') === 6) return [bracketed[1] ?? '', Number(bracketed[2] ?? 0)];
  const withPort = /^(\d+\.\d+\.\d+\.\d+):(\d{1,5})$/.exec(value);
  if (withPort && isIP(withPort[1] ?? '') === 4) return [withPort[1] ?? '', Number(withPort[2])];
  return null;
}
