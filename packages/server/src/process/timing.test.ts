import { describe, expect, it } from 'vitest';
import { bootLimit, crashBackoff, heartbeatInterval } from './timing.js';

describe('timing', () => {
  it('beats four times per timeout, between 50 ms and 1 s', () => {
    expect([0.1, 2, 30, 300].map(heartbeatInterval)).toEqual([50, 500, 1000, 1000]);
  });

  it('replaces the first crash at once, then backs off doubling up to 10 s', () => {
    expect([1, 2, 3, 4, 5, 10, 50].map(crashBackoff)).toEqual([0, 250, 500, 1000, 2000, 10_000, 10_000]);
  });

  it('gives a booting worker at least a minute', () => {
    expect(bootLimit(2)).toBe(60_000);
    expect(bootLimit(120)).toBe(120_000);
  });
});
