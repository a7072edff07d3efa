import { describe, expect, it } from 'vitest';
import { withoutConnectionFields } from './connection-fields.js';

describe('withoutConnectionFields', () => {
  it('drops connection-specific fields in any case, and keeps the rest in order', () => {
    const headers: Array<[string, string]> = [
      ['Content-Type', 'text/plain'],
      ['Transfer-Encoding', 'chunked'],
      ['keep-alive', 'timeout=5'],
      ['Upgrade', 'h2c'],
      ['proxy-connection', 'close'],
      ['set-cookie', 'a=1'],
    ];
    expect(withoutConnectionFields(headers)).toEqual([
      ['Content-Type', 'text/plain'],
      ['set-cookie', 'a=1'],
    ]);
  });

  it('drops the fields a Connection field names (RFC 9110 §7.6.1)', () => {
    expect(withoutConnectionFields([['connection', 'close, X-Hop'], ['x-hop', '1'], ['x-end', '2']])).toEqual([['x-end', '2']]);
  });

  it('returns the same list when there is nothing to drop', () => {
    const headers: Array<[string, string]> = [['content-type', 'text/plain']];
    expect(withoutConnectionFields(headers)).toBe(headers);
  });
});
