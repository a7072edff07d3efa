// Turns option text (from argv, the environment or an env file) into typed values. Each parser throws
// a ConfigError naming the flag, so a bad value becomes one clear line and exit code 2.
import { isIP } from 'node:net';
import { ConfigError } from '../errors.js';
import { CONFIG_MESSAGES } from './messages.js';

/** A value parser: option text in, typed value out; `flag` names the option in errors. */
export type ValueParser<T> = (raw: string, flag: string) => T;

/** A whole number within [min, max]. */
export function integer(min: number, max: number): ValueParser<number> {
  return (raw, flag) => {
    const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new ConfigError(CONFIG_MESSAGES.notInteger(flag, raw, min, max), { option: flag });
    }
    return value;
  };
}

/** A duration in seconds, fractions allowed ('0.5'). */
export const seconds: ValueParser<number> = (raw, flag) => {
  const value = /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isFinite(value)) throw new ConfigError(CONFIG_MESSAGES.notSeconds(flag, raw), { option: flag });
  return value;
};

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/**
 * A size in bytes; k, m and g suffixes are 1024-based, as in nginx.
 *
 * @example
 * bytes('10m', '--limit-body'); // 10485760
 */
export const bytes: ValueParser<number> = (raw, flag) => {
  const match = /^(\d+)\s*([a-z]*)$/i.exec(raw.trim());
  const unit = match ? UNITS[(match[2] ?? '').toLowerCase()] : undefined;
  const value = match && unit !== undefined ? Number(match[1]) * unit : Number.NaN;
  if (!Number.isSafeInteger(value)) throw new ConfigError(CONFIG_MESSAGES.notBytes(flag, raw), { option: flag });
  return value;
};

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

/** true/false, 1/0, yes/no, on/off. */
export const boolean: ValueParser<boolean> = (raw, flag) => {
  const text = raw.trim().toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  throw new ConfigError(CONFIG_MESSAGES.notBoolean(flag, raw), { option: flag });
};

/** One of a fixed set of words. */
export function choice<const T extends string>(choices: readonly T[]): ValueParser<T> {
  return (raw, flag) => {
    const text = raw.trim().toLowerCase();
    const found = choices.find((candidate) => candidate === text);
    if (found === undefined) throw new ConfigError(CONFIG_MESSAGES.notChoice(flag, raw, choices), { option: flag });
    return found;
  };
}

/** Any text, taken as is. */
export const text: ValueParser<string> = (raw) => raw;

/** A URL path prefix such as '/api'; a trailing slash is dropped so '/api/' means '/api'. */
export const rootPath: ValueParser<string> = (raw, flag) => {
  if (raw !== '' && !raw.startsWith('/')) throw new ConfigError(CONFIG_MESSAGES.badRootPath(raw), { option: flag });
  return raw.replace(/\/+$/, '');
};

/**
 * A comma-separated list of IP addresses and CIDR ranges, or '*' for every peer.
 *
 * @example
 * addresses('127.0.0.1, 10.0.0.0/8, ::1', '--forwarded-allow-ips'); // ['127.0.0.1', '10.0.0.0/8', '::1']
 */
export const addresses: ValueParser<readonly string[]> = (raw, flag) => {
  const items = raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  for (const item of items) {
    if (item === '*') continue;
    const [address = '', prefix, ...rest] = item.split('/');
    const family = isIP(address);
    const maxPrefix = family === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !prefixOk || rest.length > 0) {
      throw new ConfigError(CONFIG_MESSAGES.notAddress(flag, raw), { option: flag });
    }
  }
  return Object.freeze(items);
};
