// Kept apart from stats.ts because it answers a different question: how two contenders compare across
// several scenarios at once.

/**
 * The geometric mean, the right average for ratios (a 2× and a 0.5× average to 1×). Null for none.
 *
 * @example
 * geometricMean([2, 0.5]); // 1
 */
export function geometricMean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  if (values.some((value) => !(value > 0))) throw new RangeError(`geometric mean needs positive values, got ${values.join(', ')}`);
  return Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
}
