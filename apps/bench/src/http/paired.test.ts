import { describe, expect, it } from 'vitest';
import { pairedRatio } from './paired.js';

describe('pairedRatio', () => {
  it('takes the median of the per-round ratios, so a round disturbed for one side does not move it', () => {
    // Round 3 caught the baseline in a slow spell (2.7×); the median of 0.9, 0.9, 2.7, 0.8 leaves it out.
    expect(pairedRatio({ bursts: { a: [90, 45, 81, 88], b: [100, 50, 30, 110] } }, 'a', 'b')).toBeCloseTo(0.9, 10);
  });

  it('pairs bursts by round, not by rank', () => {
    // Sorted apart, both sides would look equal; round by round, a is always half of b.
    expect(pairedRatio({ bursts: { a: [50, 25, 40], b: [100, 50, 80] } }, 'a', 'b')).toBe(0.5);
  });

  it('uses only the rounds both sides ran, and skips a round whose baseline burst failed', () => {
    expect(pairedRatio({ bursts: { a: [80, 90, 70], b: [100, 0] } }, 'a', 'b')).toBe(0.8);
  });

  it('is null when either side has no bursts', () => {
    expect(pairedRatio({ bursts: { a: [80] } }, 'a', 'b')).toBeNull();
    expect(pairedRatio({ bursts: { a: [], b: [100] } }, 'a', 'b')).toBeNull();
  });
});
