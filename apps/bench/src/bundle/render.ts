// The bundle section: min+gzip size with and without the other tsgi packages, cold import time, and
// the router's 8 kB target.
import { formatBytes, formatKilobytes } from '../format.js';
import { renderTable } from '../report/markdown-table.js';
import { renderBarChart } from '../report/svg-bar-chart.js';
import { atMost } from '../report/targets.js';
import { median } from '../stats.js';
import { chartLink, type Chart, type Section } from '../suite.js';
import type { BundleResults, PackageResult } from './run.js';

/** The router target, in bytes of min+gzip (8 kB). */
export const ROUTER_BUDGET = 8000;

function missing(pkg: PackageResult): string | null {
  return pkg.unavailable ?? pkg.failure;
}

/** Renders the bundle section. */
export function renderBundle(results: BundleResults): Section {
  const rows = results.packages.map((pkg) => {
    const why = missing(pkg);
    if (why && pkg.full == null) return [pkg.label, why, '—', '—', '—'];
    return [
      pkg.label,
      pkg.full ? formatKilobytes(pkg.full.gzipped) : '—',
      pkg.full ? formatBytes(pkg.full.minified) : '—',
      pkg.own ? formatKilobytes(pkg.own.gzipped) : '—',
      pkg.importMs.length > 0 ? `${median(pkg.importMs).toFixed(1)} ms` : (why ?? (pkg.label === pkg.name ? '—' : 'as above')),
    ];
  });
  const sizeChart: Chart = {
    file: 'bundle-size.svg',
    svg: renderBarChart({
      title: 'Bundle size (min+gzip)',
      subtitle: 'main entry bundled by esbuild with its dependencies, minified, gzip -9; shorter is better',
      bars: results.packages.map((pkg) => ({
        label: pkg.label,
        value: pkg.full?.gzipped ?? null,
        valueLabel: pkg.full ? formatKilobytes(pkg.full.gzipped) : (missing(pkg) ?? '—'),
        kind: pkg.kind,
      })),
    }),
  };
  const importChart: Chart = {
    file: 'cold-import.svg',
    svg: renderBarChart({
      title: 'Cold import time',
      subtitle: `await import() in a fresh Node process, median of ${results.importRuns} runs; shorter is better`,
      bars: results.packages
        .filter((pkg) => pkg.label === pkg.name)
        .map((pkg) => {
          const value = pkg.importMs.length > 0 ? median(pkg.importMs) : null;
          return { label: pkg.name, value, valueLabel: value == null ? (missing(pkg) ?? '—') : `${value.toFixed(1)} ms`, kind: pkg.kind };
        }),
    }),
  };
  // The core is what a router app cannot tree-shake away: createRouter and all it reaches.
  const core = results.packages.find((pkg) => pkg.name === '@tsgi/router' && pkg.label !== pkg.name);
  const whole = results.packages.find((pkg) => pkg.label === '@tsgi/router');
  const measured = core?.full ? { value: core.full.gzipped } : { pending: (core && missing(core)) ?? 'pending: @tsgi/router not built' };
  const markdown = [
    '## Bundle size and cold import time',
    '',
    "Size: each package's main entry (every export kept) bundled by esbuild 'with dependencies', minified and gzipped at level 9; Node's builtins stay external. " +
      "'Own share' leaves the other @tsgi packages external. A row with `{ names }` bundles only those exports, tree-shaken, as an app using only them would. Import: a fresh `node` process times `await import(name)`, pinned to core 1; packages take turns, " +
      `${results.importRuns} runs each, median shown.`,
    '',
    renderTable(['Package', 'min+gzip', 'minified', 'own share (min+gzip)', 'cold import'], rows),
    '',
    chartLink(sizeChart, 'Bundle size'),
    '',
    chartLink(importChart, 'Cold import time'),
    '',
  ].join('\n');
  return {
    markdown,
    charts: [sizeChart, importChart],
    targets: [
      atMost('Router core size', '`createRouter` and all it reaches ≤ 8 kB min+gzip', measured, ROUTER_BUDGET, (bytes) =>
        whole?.full ? `${formatKilobytes(bytes)} (whole entry: ${formatKilobytes(whole.full.gzipped)})` : formatKilobytes(bytes),
      ),
    ],
  };
}
