// The threads section: CPU-bound scaling from 1 to 2 threads, and /health latency under saturation.
import { formatMicros, formatRate, formatRatio } from '../format.js';
import { renderTable } from '../report/markdown-table.js';
import { renderBarChart } from '../report/svg-bar-chart.js';
import { atLeast, atMost } from '../report/targets.js';
import { median, ratio } from '../stats.js';
import { chartLink, type Chart, type Section } from '../suite.js';
import type { ThreadsContenderResult, ThreadsResults } from './run.js';

function missing(c: ThreadsContenderResult): string | null {
  if (c.unavailable) return c.unavailable;
  if (c.cpuRps.length === 0) return c.failure ? `failed: ${c.failure}` : 'not measured';
  return null;
}

const medianOf = (values: readonly number[]) => (values.length === 0 ? null : median(values));

/** Renders the threads section. */
export function renderThreads(results: ThreadsResults): Section {
  const one = results.contenders.find((c) => c.id === 'threads-1');
  const two = results.contenders.find((c) => c.id === 'threads-2');
  const rows = results.contenders.map((c) => {
    const why = missing(c);
    if (why) return [c.label, why, '—', '—'];
    return [c.label, formatRate(medianOf(c.cpuRps) as number), formatRatio(ratio(medianOf(c.cpuRps), medianOf(one?.cpuRps ?? []))), formatMicros(medianOf(c.healthP99Us) as number)];
  });
  const charts: Chart[] = [
    {
      file: 'threads-cpu.svg',
      svg: renderBarChart({
        title: 'Sync threads: CPU-bound requests',
        subtitle: `GET /cpu req/s, ${results.connections} connections, median of ${results.rounds} run(s); longer is better`,
        bars: results.contenders.map((c) => {
          const value = missing(c) ? null : medianOf(c.cpuRps);
          return { label: c.label, value, valueLabel: value == null ? (missing(c) ?? '—') : formatRate(value), kind: 'tsgi' as const };
        }),
      }),
    },
    {
      file: 'threads-health-p99.svg',
      svg: renderBarChart({
        title: 'Sync threads: /health p99 while /cpu is saturated',
        subtitle: 'p99 latency of GET /health (probed every 20 ms) during the /cpu load; shorter is better',
        bars: results.contenders.map((c) => {
          const value = missing(c) ? null : medianOf(c.healthP99Us);
          return { label: c.label, value, valueLabel: value == null ? (missing(c) ?? '—') : formatMicros(value), kind: 'tsgi' as const };
        }),
      }),
    },
  ];
  const why = (one && missing(one)) ?? (two && missing(two)) ?? (one && two ? null : 'pending: tsgi serve has no --threads yet');
  const scaling = why ? null : ratio(medianOf(two?.cpuRps ?? []), medianOf(one?.cpuRps ?? []));
  const markdown = [
    '## Sync threads',
    '',
    'A sync app whose `GET /cpu` burns a few milliseconds of pure JavaScript and whose `GET /health` answers at once, served by `tsgi serve` ' +
      'with the app on the event loop, on 1 worker thread and on 2. ' +
      `wrk loads /cpu with ${results.connections} connections for ${results.durationS} s${results.warmupS > 0 ? ` (after a ${results.warmupS} s warm-up)` : ''}; that run gives /cpu req/s. ` +
      `A second run of the same load measures /health the way a load balancer checks it: one GET every 20 ms on a kept-alive connection, never two at once (a flood of /health would take the threads' CPU and measure throughput, not latency). ` +
      'Neither side is pinned: two threads need both cores, so on a 2-core machine the load generators share them.',
    '',
    renderTable(['Setting', '/cpu req/s', 'vs --threads 1', '/health p99 under load'], rows),
    '',
    ...charts.flatMap((c) => [chartLink(c, c.file), '']),
  ].join('\n');
  return {
    markdown,
    charts,
    targets: [
      atLeast('Sync threads scaling', '/cpu req/s with 2 threads ≥ 1.7× 1 thread', scaling == null ? { pending: why ?? 'not measured' } : { value: scaling }, 1.7, (v) => `${formatRatio(v)} 1 thread`),
      atMost(
        'Health check under saturated threads',
        '/health p99 < 10 ms with 2 threads busy on /cpu',
        two && !missing(two) ? { value: medianOf(two.healthP99Us) as number } : { pending: why ?? 'not measured' },
        10_000,
        (v) => `${formatMicros(v)} p99`,
      ),
    ],
  };
}
