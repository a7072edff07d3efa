// Rendering shared by the micro-benchmark suites (router, serverless): medians per group, ratios to a
// baseline, and one chart per group.
import { formatMicros, formatPercent, formatRate, formatRatio } from '../format.js';
import { renderBarChart } from '../report/svg-bar-chart.js';
import { geometricMean } from '../stats-geomean.js';
import { median, ratio, summarize } from '../stats.js';
import type { Chart } from '../suite.js';
import type { MicroContenderResult } from './run-micro.js';

/** Why a contender has no numbers, or null. */
export function microMissing(contender: MicroContenderResult): string | null {
  if (contender.unavailable) return contender.unavailable;
  if (contender.failure) return `failed: ${contender.failure}`;
  return Object.keys(contender.samples).length === 0 ? 'not measured' : null;
}

/** Median ops/s of a contender in a group, or null. */
export function medianOps(contender: MicroContenderResult | undefined, group: string): number | null {
  const samples = contender?.samples[group];
  return samples && samples.length > 0 ? median(samples) : null;
}

/** Geometric mean over groups of one contender's ops/s ratio to another's; null if none comparable. */
export function microRatio(contenders: readonly MicroContenderResult[], groups: readonly string[], id: string, baselineId: string): number | null {
  const find = (wanted: string) => contenders.find((c) => c.id === wanted);
  return geometricMean(groups.map((g) => ratio(medianOps(find(id), g), medianOps(find(baselineId), g))).filter((r): r is number => r != null));
}

/**
 * A table cell: median ops/s and the half-range of the samples.
 *
 * @example
 * opsCell([90, 100, 110]); // '100.0 (±10.0%)'
 */
export function opsCell(samples: readonly number[] | undefined): string {
  if (samples == null || samples.length === 0) return '—';
  const summary = summarize(samples);
  return `${formatRate(summary.median)} (±${formatPercent(summary.spread / 2)})`;
}

/**
 * One chart of a group's median, with ratios of ops/s to the baseline. `per: 'op'` draws the time per
 * operation instead (shorter is better), which keeps small differences visible beside a very fast
 * reference.
 */
export function microChart(options: {
  file: string;
  title: string;
  subtitle: string;
  contenders: readonly MicroContenderResult[];
  group: string;
  baselineId: string;
  baselineName: string;
  per?: 'second' | 'op';
}): Chart {
  const baseline = medianOps(options.contenders.find((c) => c.id === options.baselineId), options.group);
  return {
    file: options.file,
    svg: renderBarChart({
      title: options.title,
      subtitle: options.subtitle,
      bars: options.contenders.map((c) => {
        const ops = microMissing(c) ? null : medianOps(c, options.group);
        if (ops == null) return { label: c.label, value: null, valueLabel: microMissing(c) ?? '—', kind: c.kind };
        const versus = `${formatRatio(ratio(ops, baseline))} ${options.baselineName}`;
        return options.per === 'op'
          ? { label: c.label, value: 1e6 / ops, valueLabel: `${formatMicros(1e6 / ops)} (${versus})`, kind: c.kind }
          : { label: c.label, value: ops, valueLabel: `${formatRate(ops)} (${versus})`, kind: c.kind };
      }),
    }),
  };
}
