// A small horizontal bar chart as standalone SVG. Written here rather than pulled in so the charts are
// plain, deterministic text (same results → same bytes) that diffs and renders on GitHub as-is.

/** Which palette a bar takes: tsgi's own contenders stand out from their peers. */
export type BarKind = 'tsgi' | 'peer' | 'ceiling';

/** One bar. A null value draws no bar, only its note (e.g. 'pending: @tsgi/router not built'). */
export interface Bar {
  label: string;
  value: number | null;
  /** The text after the bar, e.g. '48,210 req/s'. */
  valueLabel: string;
  kind: BarKind;
}

/** What to draw. */
export interface BarChartOptions {
  title: string;
  /** Under the title, e.g. 'requests per second, median of 3 runs; longer is better'. */
  subtitle: string;
  bars: readonly Bar[];
  /** Least total width in pixels; wider when labels need it. @default 760 */
  width?: number;
}

const COLORS: Record<BarKind, string> = { tsgi: '#2563eb', peer: '#9ca3af', ceiling: '#374151' };
const ROW = 26;
const TOP = 58;
// Text width is estimated, not measured (no font metrics in a string builder): 7.2 px per character
// at 13 px covers the usual sans-serif fonts, so labels neither overlap the bars nor fall off the edge.
const CHAR = 7.2;
const MIN_PLOT = 240;

/** Where the columns go: labels, bars, then the value text. */
export interface ChartLayout {
  width: number;
  labelWidth: number;
  plotWidth: number;
}

/**
 * Sizes the columns to the longest label and value text.
 *
 * @example
 * chartLayout([{ label: 'node:http', value: 1, valueLabel: '50,000', kind: 'ceiling' }], 760);
 * // { width: 760, labelWidth: 81, plotWidth: 623 }
 */
export function chartLayout(bars: readonly Bar[], minWidth: number): ChartLayout {
  const longest = (texts: string[]) => Math.max(0, ...texts.map((text) => text.length));
  const labelWidth = Math.ceil(longest(bars.map((bar) => bar.label)) * CHAR) + 16;
  const valueWidth = Math.ceil(longest(bars.filter((bar) => bar.value != null).map((bar) => bar.valueLabel)) * CHAR) + 12;
  const noteWidth = Math.ceil(Math.min(NOTE_MAX, longest(bars.filter((bar) => bar.value == null).map((bar) => bar.valueLabel))) * CHAR) + 12;
  const width = Math.max(minWidth, labelWidth + MIN_PLOT + valueWidth, labelWidth + noteWidth);
  return { width, labelWidth, plotWidth: width - labelWidth - valueWidth };
}

/**
 * Escapes text for an SVG text node or attribute.
 *
 * @example
 * escapeXml('a < b & "c"'); // 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Shortens a note to `max` characters, ending in an ellipsis (the table beside the chart has it whole).
 *
 * @example
 * truncate('pending: @tsgi/router not built', 12); // 'pending: @t…'
 */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const NOTE_MAX = 72;

/** Rounds a coordinate so output is stable across platforms' float printing. */
function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * Renders the chart as an SVG document.
 *
 * @example
 * renderBarChart({ title: 'Plaintext', subtitle: 'req/s', bars: [
 *   { label: 'node:http', value: 50000, valueLabel: '50,000', kind: 'ceiling' },
 *   { label: 'tsgi async', value: 48000, valueLabel: '48,000', kind: 'tsgi' },
 * ] }); // '<svg xmlns="http://www.w3.org/2000/svg" ...'
 */
export function renderBarChart(options: BarChartOptions): string {
  const { width, labelWidth, plotWidth } = chartLayout(options.bars, options.width ?? 760);
  const max = Math.max(0, ...options.bars.map((bar) => bar.value ?? 0));
  const legendY = TOP + options.bars.length * ROW + 14;
  const height = legendY + 24;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="13">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="24" font-size="16" font-weight="600" fill="#111827">${escapeXml(options.title)}</text>`,
    `<text x="12" y="44" fill="#4b5563">${escapeXml(options.subtitle)}</text>`,
  ];
  options.bars.forEach((bar, index) => {
    const y = TOP + index * ROW;
    const textY = px(y + ROW / 2 + 4);
    out.push(
      `<text x="${labelWidth - 8}" y="${textY}" text-anchor="end" fill="#111827">${escapeXml(bar.label)}</text>`,
    );
    if (bar.value == null) {
      out.push(`<text x="${labelWidth}" y="${textY}" fill="#6b7280" font-style="italic">${escapeXml(truncate(bar.valueLabel, NOTE_MAX))}</text>`);
      return;
    }
    const barWidth = max === 0 ? 0 : (Math.max(0, bar.value) / max) * plotWidth;
    out.push(
      `<rect x="${labelWidth}" y="${px(y + 4)}" width="${px(barWidth)}" height="${ROW - 8}" rx="2" fill="${COLORS[bar.kind]}"/>`,
      `<text x="${px(labelWidth + barWidth + 6)}" y="${textY}" fill="#111827">${escapeXml(bar.valueLabel)}</text>`,
    );
  });
  const legend: Array<[BarKind, string]> = [
    ['tsgi', 'tsgi'],
    ['peer', 'peers'],
    ['ceiling', 'ceiling / reference'],
  ];
  legend.forEach(([kind, text], index) => {
    const x = 12 + index * 150;
    out.push(
      `<rect x="${x}" y="${legendY}" width="12" height="12" fill="${COLORS[kind]}"/>`,
      `<text x="${x + 18}" y="${legendY + 11}" fill="#374151">${escapeXml(text)}</text>`,
    );
  });
  out.push('</svg>', '');
  return out.join('\n');
}
