import { describe, expect, it } from 'vitest';
import { chartLayout, escapeXml, renderBarChart, truncate, type Bar } from './svg-bar-chart.js';

const bars: Bar[] = [
  { label: 'node:http', value: 50_000, valueLabel: '50,000', kind: 'ceiling' },
  { label: 'tsgi async', value: 25_000, valueLabel: '25,000', kind: 'tsgi' },
  { label: 'tsgi router', value: null, valueLabel: 'pending: @tsgi/router not built', kind: 'tsgi' },
];

function widths(svg: string): number[] {
  return [...svg.matchAll(/<rect x="\d+" y="[\d.]+" width="([\d.]+)" height="18"/g)].map((m) => Number(m[1]));
}

describe('renderBarChart', () => {
  it('draws bars proportional to their values, the largest filling the plot', () => {
    const svg = renderBarChart({ title: 'Plaintext', subtitle: 'req/s', bars, width: 760 });
    const { plotWidth } = chartLayout(bars, 760);
    expect(widths(svg)).toEqual([plotWidth, plotWidth / 2]);
  });

  it('makes room for the longest label and value text', () => {
    const long: Bar[] = [{ label: 'gunicorn · raw WSGI (1 sync worker)', value: 10, valueLabel: '12,345 (0.97× serverless-express)', kind: 'peer' }];
    const layout = chartLayout(long, 400);
    expect(layout.labelWidth).toBeGreaterThan(long[0]!.label.length * 7);
    expect(layout.width - layout.labelWidth - layout.plotWidth).toBeGreaterThan(long[0]!.valueLabel.length * 7);
    expect(layout.plotWidth).toBeGreaterThanOrEqual(240);
  });

  it('keeps the requested width when the text fits', () => {
    expect(chartLayout([{ label: 'node:http', value: 1, valueLabel: '50,000', kind: 'ceiling' }], 760)).toEqual({ width: 760, labelWidth: 81, plotWidth: 623 });
  });

  it('draws no bar for a missing value, only its note', () => {
    const svg = renderBarChart({ title: 'Plaintext', subtitle: 'req/s', bars });
    expect(widths(svg)).toHaveLength(2);
    expect(svg).toContain('>pending: @tsgi/router not built</text>');
  });

  it('colours tsgi bars apart from peers', () => {
    const svg = renderBarChart({ title: 't', subtitle: 's', bars });
    const { plotWidth } = chartLayout(bars, 760);
    expect(svg).toContain(`width="${plotWidth / 2}" height="18" rx="2" fill="#2563eb"`);
    expect(svg).toContain(`width="${plotWidth}" height="18" rx="2" fill="#374151"`);
  });

  it('grows in height with the number of bars', () => {
    const height = (svg: string) => Number(/height="(\d+)" viewBox/.exec(svg)?.[1]);
    const one = renderBarChart({ title: 't', subtitle: 's', bars: bars.slice(0, 1) });
    const three = renderBarChart({ title: 't', subtitle: 's', bars });
    expect(height(three) - height(one)).toBe(2 * 26);
  });

  it('escapes labels so a name cannot break the document', () => {
    const svg = renderBarChart({
      title: 'a < b',
      subtitle: '"quoted" & more',
      bars: [{ label: '<script>', value: 1, valueLabel: "it's", kind: 'peer' }],
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('&quot;quoted&quot; &amp; more');
    expect(svg).toContain('it&apos;s');
  });

  it('renders the same bytes for the same input', () => {
    expect(renderBarChart({ title: 't', subtitle: 's', bars })).toBe(renderBarChart({ title: 't', subtitle: 's', bars }));
  });

  it('draws zero-width bars when every value is zero', () => {
    const svg = renderBarChart({ title: 't', subtitle: 's', bars: [{ label: 'a', value: 0, valueLabel: '0', kind: 'peer' }] });
    expect(widths(svg)).toEqual([0]);
  });

  it('is a standalone SVG document', () => {
    const svg = renderBarChart({ title: 't', subtitle: 's', bars });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });
});

describe('truncate', () => {
  it('keeps short text and ends long text with an ellipsis at the limit', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('pending: @tsgi/router not built', 12)).toBe('pending: @t…');
  });

  it('keeps a chart of long failure notes to a readable width', () => {
    const note = `failed: ${'x'.repeat(300)}`;
    const svg = renderBarChart({ title: 't', subtitle: 's', bars: [{ label: 'a', value: null, valueLabel: note, kind: 'peer' }] });
    expect(Number(/width="(\d+)" height/.exec(svg)?.[1])).toBeLessThanOrEqual(760);
    expect(svg).toContain('…</text>');
  });
});

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });
});
