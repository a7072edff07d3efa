// How numbers read in the report: fixed rules so a regenerated report diffs cleanly.

/**
 * A rate with thousands separators and no decimals (one decimal below 100).
 *
 * @example
 * formatRate(12345.6); // '12,346'
 * formatRate(42.25); // '42.3'
 */
export function formatRate(value: number): string {
  if (Math.abs(value) < 100) return value.toFixed(1);
  return Math.round(value).toLocaleString('en-US');
}

/**
 * A byte count in binary units.
 *
 * @example
 * formatBytes(1536); // '1.5 KiB'
 * formatBytes(52_428_800); // '50.0 MiB'
 */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * A size in decimal kilobytes, as bundle-size targets are stated (8 kB = 8,000 bytes).
 *
 * @example
 * formatKilobytes(7421); // '7.42 kB'
 */
export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(2)} kB`;
}

/**
 * A duration given in microseconds, in the unit that keeps it short.
 *
 * @example
 * formatMicros(0.334); // '0.33 µs'
 * formatMicros(850); // '850 µs'
 * formatMicros(1234); // '1.23 ms'
 * formatMicros(2_500_000); // '2.50 s'
 */
export function formatMicros(micros: number): string {
  if (micros < 10) return `${micros.toFixed(2)} µs`;
  if (micros < 1000) return `${Math.round(micros)} µs`;
  if (micros < 1_000_000) return `${(micros / 1000).toFixed(2)} ms`;
  return `${(micros / 1_000_000).toFixed(2)} s`;
}

/**
 * A ratio as a multiplier, or an em dash when there is none.
 *
 * @example
 * formatRatio(0.953); // '0.95×'
 * formatRatio(null); // '—'
 */
export function formatRatio(value: number | null): string {
  return value == null ? '—' : `${value.toFixed(2)}×`;
}

/**
 * A fraction as a percentage.
 *
 * @example
 * formatPercent(0.0312); // '3.1%'
 */
export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}
