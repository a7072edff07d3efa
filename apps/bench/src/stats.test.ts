import { describe, expect, it } from 'vitest';
import { geometricMean } from './stats-geomean.js';
import { median, percentile, ratio, summarize } from './stats.js';

describe('median', () => {
  it('takes the middle value of an odd count, whatever the input order', () => {
    expect(median([30, 10, 20])).toBe(20);
  });

  it('averages the middle two of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('leaves its input unsorted', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses an empty sample instead of answering NaN', () => {
    expect(() => median([])).toThrow(expect.objectContaining({ name: 'EmptySampleError' }));
  });
});

describe('percentile', () => {
  it('interpolates between closest ranks like numpy', () => {
    expect(percentile([1, 2, 3, 4, 5], 99)).toBeCloseTo(4.96, 10);
    expect(percentile([10, 20], 50)).toBe(15);
  });

  it('returns the extremes at 0 and 100', () => {
    expect(percentile([5, 1, 9], 0)).toBe(1);
    expect(percentile([5, 1, 9], 100)).toBe(9);
  });

  it('rejects a percentile outside 0..100', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('reports the spread as the range over the median', () => {
    expect(summarize([90, 100, 110])).toEqual({ median: 100, min: 90, max: 110, n: 3, spread: 0.2 });
  });

  it('reports zero spread for a single run', () => {
    expect(summarize([42]).spread).toBe(0);
  });
});

describe('ratio', () => {
  it('divides by the baseline', () => {
    expect(ratio(95, 100)).toBe(0.95);
  });

  it('is null when either side is missing or the baseline is zero', () => {
    expect(ratio(null, 100)).toBeNull();
    expect(ratio(5, undefined)).toBeNull();
    expect(ratio(5, 0)).toBeNull();
  });
});

describe('geometricMean', () => {
  it('averages reciprocal ratios to one', () => {
    expect(geometricMean([2, 0.5])).toBeCloseTo(1, 12);
    expect(geometricMean([1, 4])).toBeCloseTo(2, 12);
  });

  it('is null for no values and refuses non-positive ones', () => {
    expect(geometricMean([])).toBeNull();
    expect(() => geometricMean([1, 0])).toThrow(RangeError);
  });
});
