import { describe, expect, it } from 'vitest';
import { escapeXml, renderBarChart, type Bar } from './svg-bar-chart.js';

const bars: Bar[] = [
  { label: 'node:http', value: 50_000, valueLabel: '50,000', kind: 'ceiling' },
  { label: 'tsgi async', value: 25_000, valueLabel: '25,000', kind: 'tsgi' },
  { label: 'tsgi router', value: null, valueLabel: 'pending: @tsgi/router not built', kind: 'tsgi' },
];

function widths(svg: string): number[] {
  return [...svg.matchAll(/<rect x="250" y="[\d.]+" width="([\d.]+)" height="18"/g)].map((m) => Number(m[1]));
}

describe('renderBarChart', () => {
  it('draws bars proportional to their values, the largest filling the plot', () => {
    const svg = renderBarChart({ title: 'Plaintext', subtitle: 'req/s', bars, width: 760 });
    // plot width = 760 − 250 label column − 150 value column
    expect(widths(svg)).toEqual([360, 180]);
  });

  it('draws no bar for a missing value, only its note', () => {
    const svg = renderBarChart({ title: 'Plaintext', subtitle: 'req/s', bars });
    expect(widths(svg)).toHaveLength(2);
    expect(svg).toContain('>pending: @tsgi/router not built</text>');
  });

  it('colours tsgi bars apart from peers', () => {
    const svg = renderBarChart({ title: 't', subtitle: 's', bars });
    expect(svg).toContain('width="180" height="18" rx="2" fill="#2563eb"');
    expect(svg).toContain('width="360" height="18" rx="2" fill="#374151"');
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

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });
});
