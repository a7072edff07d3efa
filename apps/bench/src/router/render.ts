// The router section: lookups/s per group, ratios to find-my-way, and the matching target.
import { formatRatio } from '../format.js';
import { microChart, microMissing, microRatio, opsCell } from '../micro/render-micro.js';
import { renderTable } from '../report/markdown-table.js';
import { atLeast, type TargetRow } from '../report/targets.js';
import { chartLink, type Section } from '../suite.js';
import { ROUTER_BASELINE_ID } from './adapters.js';
import type { RouterResults } from './run.js';
import type { LookupGroup } from './routes.js';

const GROUP_TITLES: Record<LookupGroup, string> = {
  static: 'static hits',
  param: 'param hits',
  wildcard: 'wildcard hits',
  miss: 'misses',
};

function target(results: RouterResults): TargetRow {
  const goal = 'lookups/s ≥ find-my-way (geometric mean over the lookup groups)';
  const tsgi = results.contenders.find((c) => c.id === 'tsgi');
  const why = tsgi ? microMissing(tsgi) : 'pending: @tsgi/router not built';
  const groups = results.groups.map((g) => g.id);
  const value = why ? null : microRatio(results.contenders, groups, 'tsgi', ROUTER_BASELINE_ID);
  return atLeast('Router matching vs find-my-way', goal, value == null ? { pending: why ?? 'not measured' } : { value }, 1, (v) => `${formatRatio(v)} find-my-way`);
}

/** Renders the router section. */
export function renderRouter(results: RouterResults): Section {
  const groups = results.groups.map((g) => g.id);
  const rows = results.contenders.map((c) => {
    const why = microMissing(c);
    if (why) return [c.label, ...groups.map(() => '—'), why];
    return [c.label, ...groups.map((g) => opsCell(c.samples[g])), formatRatio(microRatio(results.contenders, groups, c.id, ROUTER_BASELINE_ID))];
  });
  const charts = groups.map((group) =>
    microChart({
      file: `router-${group}.svg`,
      title: `Router matching: ${GROUP_TITLES[group]}`,
      subtitle: `lookups per second on a ${results.routes}-route table, median of ${results.samples} samples; longer is better`,
      contenders: results.contenders,
      group,
      baselineId: ROUTER_BASELINE_ID,
      baselineName: 'find-my-way',
    }),
  );
  const markdown = [
    '## Router matching',
    '',
    `Each router holds the same ${results.routes}-route table shaped like GitHub's REST API (static routes, params, and trailing wildcards) and is timed with its own native lookup call. ` +
      'Each router runs in its own worker process pinned to core 1. Before timing, every lookup is checked: the right route, the right params, and nothing for a miss. ' +
      `Then each lookup group is warmed up, a batch size is calibrated to about ${results.sampleMs} ms, and ${results.samples} samples per group are taken round-robin across routers. ` +
      "Time is each worker's CPU time (user + system), not the wall clock: lookups do no I/O, and on a shared machine the wall clock would count time other processes held the core. " +
      "A batch's results feed a sink so the work cannot be optimised away. hono's routers do not capture the wildcard's remainder as a param (the app reads it from the path), so for them only the named params are checked.",
    '',
    renderTable(['Router', ...groups.map((g) => `${GROUP_TITLES[g]}, lookups/s`), 'vs find-my-way (geometric mean)'], rows),
    '',
    ...charts.flatMap((c) => [chartLink(c, c.file), '']),
  ].join('\n');
  return { markdown, charts, targets: [target(results)] };
}
