// Summary statistics for benchmark samples. Medians, not means: one run disturbed by another process on
// a shared machine moves a mean a lot and a median little.
import { EmptySampleError } from './errors.js';

/**
 * The median of the values (the mean of the middle two for an even count).
 *
 * @example
 * median([3, 1, 2]); // 2
 * median([4, 1, 3, 2]); // 2.5
 */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * The p-th percentile by linear interpolation between closest ranks (numpy's default), 0 ≤ p ≤ 100.
 *
 * @example
 * percentile([1, 2, 3, 4, 5], 99); // 4.96
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new EmptySampleError(`percentile ${p}`);
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] as number;
  const highValue = sorted[high] as number;
  return lowValue + (highValue - lowValue) * (rank - low);
}

/** How a set of repeated measurements spread around their median. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** How many samples. */
  n: number;
  /** (max − min) / median: 0.05 means the runs agreed within 5%. */
  spread: number;
}

/**
 * Summarises repeated measurements of one quantity.
 *
 * @example
 * summarize([90, 100, 110]); // { median: 100, min: 90, max: 110, n: 3, spread: 0.2 }
 */
export function summarize(values: readonly number[]): Summary {
  const mid = median(values);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { median: mid, min, max, n: values.length, spread: mid === 0 ? 0 : (max - min) / mid };
}

/**
 * value / baseline, or null when either is missing or the baseline is zero.
 *
 * @example
 * ratio(95, 100); // 0.95
 * ratio(95, null); // null
 */
export function ratio(value: number | null | undefined, baseline: number | null | undefined): number | null {
  if (value == null || baseline == null || baseline === 0) return null;
  return value / baseline;
}
