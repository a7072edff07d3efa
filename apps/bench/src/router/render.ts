// The router section: ops/s per lookup group, ratios to find-my-way, and the matching target.
import { formatPercent, formatRate, formatRatio } from '../format.js';
import { renderTable } from '../report/markdown-table.js';
import { renderBarChart } from '../report/svg-bar-chart.js';
import { atLeast, type TargetRow } from '../report/targets.js';
import { geometricMean } from '../stats-geomean.js';
import { median, ratio, summarize } from '../stats.js';
import { chartLink, type Chart, type Section } from '../suite.js';
import { ROUTER_BASELINE_ID } from './adapters.js';
import type { RouterContenderResult, RouterResults } from './run.js';
import type { LookupGroup } from './routes.js';

const GROUP_TITLES: Record<LookupGroup, string> = {
  static: 'static hits',
  param: 'param hits',
  wildcard: 'wildcard hits',
  miss: 'misses',
};

function missing(contender: RouterContenderResult): string | null {
  return contender.unavailable ?? (contender.failure ? `failed: ${contender.failure}` : null);
}

function medianOps(contender: RouterContenderResult | undefined, group: LookupGroup): number | null {
  const samples = contender?.samples[group];
  return samples && samples.length > 0 ? median(samples) : null;
}

/** A router's geometric-mean ratio to another's over the lookup groups. */
export function routerRatio(results: RouterResults, id: string, baselineId: string): number | null {
  const find = (wanted: string) => results.contenders.find((c) => c.id === wanted);
  const ratios = results.groups.map((g) => ratio(medianOps(find(id), g.id), medianOps(find(baselineId), g.id))).filter((r): r is number => r != null);
  return geometricMean(ratios);
}

function table(results: RouterResults): string {
  const rows = results.contenders.map((contender) => {
    const why = missing(contender);
    if (why) return [contender.label, ...results.groups.map(() => '—'), why];
    const cells = results.groups.map((g) => {
      const samples = contender.samples[g.id] ?? [];
      if (samples.length === 0) return '—';
      const summary = summarize(samples);
      return `${formatRate(summary.median)} (±${formatPercent(summary.spread / 2)})`;
    });
    return [contender.label, ...cells, formatRatio(routerRatio(results, contender.id, ROUTER_BASELINE_ID))];
  });
  return renderTable(['Router', ...results.groups.map((g) => `${GROUP_TITLES[g.id]}, lookups/s`), 'vs find-my-way (geometric mean)'], rows);
}

function chart(results: RouterResults, group: LookupGroup): Chart {
  const baseline = medianOps(results.contenders.find((c) => c.id === ROUTER_BASELINE_ID), group);
  return {
    file: `router-${group}.svg`,
    svg: renderBarChart({
      title: `Router matching: ${GROUP_TITLES[group]}`,
      subtitle: `lookups per second on a ${results.routes}-route table, median of ${results.samples} samples; longer is better`,
      bars: results.contenders.map((contender) => {
        const value = missing(contender) ? null : medianOps(contender, group);
        return {
          label: contender.label,
          value,
          valueLabel: value == null ? (missing(contender) ?? '—') : `${formatRate(value)} (${formatRatio(ratio(value, baseline))})`,
          kind: contender.kind,
        };
      }),
    }),
  };
}

function target(results: RouterResults): TargetRow {
  const goal = 'lookups/s ≥ find-my-way (geometric mean over the lookup groups)';
  const tsgi = results.contenders.find((c) => c.id === 'tsgi');
  const why = tsgi ? missing(tsgi) : 'pending: @tsgi/router not built';
  const value = why ? null : routerRatio(results, 'tsgi', ROUTER_BASELINE_ID);
  return atLeast('Router matching vs find-my-way', goal, value == null ? { pending: why ?? 'not measured' } : { value }, 1, (v) => `${formatRatio(v)} find-my-way`);
}

/** Renders the router section. */
export function renderRouter(results: RouterResults): Section {
  const charts = results.groups.map((g) => chart(results, g.id));
  const markdown = [
    '## Router matching',
    '',
    `Each router holds the same ${results.routes}-route table shaped like GitHub's REST API (static routes, params, and trailing wildcards) and is timed with its own native lookup call. ` +
      'Each router runs in its own worker process pinned to core 1. Before timing, every lookup is checked: the right route, the right params, and nothing for a miss. ' +
      `Then each lookup group is warmed up, a batch size is calibrated to about ${results.sampleMs} ms, and ${results.samples} samples per group are taken round-robin across routers. ` +
      "A batch's results feed a sink so the work cannot be optimised away. hono's routers do not capture the wildcard's remainder as a param (the app reads it from the path), so for them only the named params are checked.",
    '',
    table(results),
    '',
    ...charts.flatMap((c) => [chartLink(c, c.file), '']),
  ].join('\n');
  return { markdown, charts, targets: [target(results)] };
}
