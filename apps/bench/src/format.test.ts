import { describe, expect, it } from 'vitest';
import { formatBytes, formatKilobytes, formatMicros, formatPercent, formatRate, formatRatio } from './format.js';

describe('format', () => {
  it('prints rates with separators and one decimal only below 100', () => {
    expect(formatRate(12345.6)).toBe('12,346');
    expect(formatRate(42.25)).toBe('42.3');
    expect(formatRate(1_234_567)).toBe('1,234,567');
  });

  it('prints bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(52_428_800)).toBe('50.0 MiB');
  });

  it('prints bundle sizes in decimal kilobytes, the unit of the 8 kB target', () => {
    expect(formatKilobytes(7421)).toBe('7.42 kB');
  });

  it('picks µs, ms or s for a duration in microseconds', () => {
    expect(formatMicros(0.334)).toBe('0.33 µs');
    expect(formatMicros(850)).toBe('850 µs');
    expect(formatMicros(1234)).toBe('1.23 ms');
    expect(formatMicros(2_500_000)).toBe('2.50 s');
  });

  it('prints ratios as multipliers and a dash for none', () => {
    expect(formatRatio(0.953)).toBe('0.95×');
    expect(formatRatio(null)).toBe('—');
    expect(formatPercent(0.0312)).toBe('3.1%');
  });
});
