// The HTTP section of the report: one table and one chart per scenario, a summary across scenarios,
// memory, and the HTTP targets.
import { formatBytes, formatMicros, formatPercent, formatRate, formatRatio } from '../format.js';
import { renderTable } from '../report/markdown-table.js';
import { renderBarChart } from '../report/svg-bar-chart.js';
import { allOf, type TargetRow } from '../report/targets.js';
import { geometricMean } from '../stats-geomean.js';
import { median, ratio, summarize } from '../stats.js';
import { chartLink, type Chart, type Section } from '../suite.js';
import { BARE_ASYNC_ID, BASELINE_ID } from './contenders.js';
import { pairedRatio, type PairedResults } from './paired.js';
import type { HttpContenderResult, HttpResults } from './run.js';
import type { ScenarioId } from './scenarios.js';

/** Why a contender has no numbers, or null when it has some. */
export function missingReason(contender: HttpContenderResult): string | null {
  if (contender.unavailable) return contender.unavailable;
  if (contender.runs.length === 0) return contender.failure ? `failed: ${contender.failure}` : 'not measured';
  return null;
}

/** Median req/s of a contender on a scenario, or null. */
export function medianRps(contender: HttpContenderResult | undefined, scenario: ScenarioId): number | null {
  const runs = contender?.runs.filter((run) => run.scenario === scenario) ?? [];
  return runs.length === 0 ? null : median(runs.map((run) => run.rps));
}

/** The geometric mean over scenarios of a contender's req/s ratio to another's; null if no scenario has both. */
export function ratioAcrossScenarios(results: HttpResults, id: string, baselineId: string): number | null {
  const find = (wanted: string) => results.contenders.find((c) => c.id === wanted);
  const ratios = results.scenarios
    .map((scenario) => ratio(medianRps(find(id), scenario.id), medianRps(find(baselineId), scenario.id)))
    .filter((value): value is number => value != null);
  return geometricMean(ratios);
}

function scenarioTable(results: HttpResults, scenario: ScenarioId): string {
  const baseline = medianRps(results.contenders.find((c) => c.id === BASELINE_ID), scenario);
  const rows = results.contenders.map((contender) => {
    const runs = contender.runs.filter((run) => run.scenario === scenario);
    const missing = missingReason(contender) ?? (runs.length === 0 ? 'not measured' : null);
    if (missing) return [contender.label, missing, '—', '—', '—', '—', '—'];
    const rps = summarize(runs.map((run) => run.rps));
    return [
      contender.label,
      formatRate(rps.median),
      formatRatio(ratio(rps.median, baseline)),
      formatMicros(median(runs.map((run) => run.p50Us))),
      formatMicros(median(runs.map((run) => run.p99Us))),
      `${rps.n} (±${formatPercent(rps.spread / 2)})`,
      String(runs.reduce((sum, run) => sum + run.errors, 0)),
    ];
  });
  return renderTable(['Contender', 'req/s (median)', 'vs node:http', 'p50', 'p99', 'runs (spread)', 'errors'], rows);
}

function scenarioChart(results: HttpResults, scenario: ScenarioId, title: string): Chart {
  const baseline = medianRps(results.contenders.find((c) => c.id === BASELINE_ID), scenario);
  return {
    file: `http-${scenario}.svg`,
    svg: renderBarChart({
      title: `HTTP: ${title}`,
      subtitle: `requests per second, median of ${results.rounds} run(s), ${results.connections} connections; longer is better`,
      bars: results.contenders.map((contender) => {
        const value = medianRps(contender, scenario);
        const label = value == null ? (missingReason(contender) ?? 'not measured') : `${formatRate(value)} (${formatRatio(ratio(value, baseline))})`;
        return { label: contender.label, value, valueLabel: label, kind: contender.kind };
      }),
    }),
  };
}

function memoryTable(results: HttpResults): string {
  const rows = results.contenders.map((contender) => {
    const missing = missingReason(contender);
    if (missing || contender.memory.length === 0) return [contender.label, missing ?? 'not measured', '—'];
    return [
      contender.label,
      formatBytes(median(contender.memory.map((m) => m.hwm))),
      formatBytes(median(contender.memory.map((m) => m.rss))),
    ];
  });
  return renderTable(['Contender', 'peak RSS (VmHWM)', 'RSS after the round (VmRSS)'], rows);
}

function summaryTable(results: HttpResults): string {
  const rows = results.contenders.map((contender) => {
    const missing = missingReason(contender);
    const cells = results.scenarios.map((s) => formatRatio(ratio(medianRps(contender, s.id), medianRps(results.contenders.find((c) => c.id === BASELINE_ID), s.id))));
    return [contender.label, ...(missing ? results.scenarios.map(() => '—') : cells), missing ?? formatRatio(ratioAcrossScenarios(results, contender.id, BASELINE_ID))];
  });
  return renderTable(['Contender', ...results.scenarios.map((s) => s.title), 'geometric mean'], rows);
}

function summaryChart(results: HttpResults): Chart {
  return {
    file: 'http-summary.svg',
    svg: renderBarChart({
      title: 'HTTP: throughput relative to a raw node:http handler',
      subtitle: 'geometric mean over the scenarios of req/s ÷ node:http req/s; 1.00× is the ceiling',
      bars: results.contenders.map((contender) => {
        const value = missingReason(contender) ? null : ratioAcrossScenarios(results, contender.id, BASELINE_ID);
        return { label: contender.label, value, valueLabel: value == null ? (missingReason(contender) ?? '—') : formatRatio(value), kind: contender.kind };
      }),
    }),
  };
}

function rawTarget(results: HttpResults, id: string, name: string, ceilingId?: string): TargetRow {
  // The issue's target is hello-world throughput: the plaintext scenario. The other scenarios are
  // reported in their tables and the summary chart.
  const goal = 'hello-world (plaintext) req/s within 5% of raw node:http and ahead of fastify';
  const contender = results.contenders.find((c) => c.id === id);
  const missing = contender ? missingReason(contender) : `pending: ${id} not in this run`;
  if (missing) return allOf(name, goal, [{ pending: missing }]);
  const vsNode = targetRatio(results, id, BASELINE_ID, 'plaintext');
  const vsFastify = targetRatio(results, id, 'fastify', 'plaintext');
  if (vsNode == null || vsFastify == null) return allOf(name, goal, [{ pending: 'baseline not measured' }]);
  const row = allOf(name, goal, [
    { ok: vsNode >= 0.95, text: `${formatRatio(vsNode)} node:http` },
    { ok: vsFastify > 1, text: `${formatRatio(vsFastify)} fastify` },
  ]);
  // The contract's own ceiling, shown beside the result and never judged: the target stays the target.
  const ceiling = ceilingId === undefined ? null : targetRatio(results, ceilingId, BASELINE_ID, 'plaintext');
  return ceiling == null ? row : { ...row, measured: `${row.measured} (bare async host: ${formatRatio(ceiling)} node:http)` };
}

/**
 * The ratio a target is judged on: the median of the paired bursts' per-round ratios when the run has
 * bursts for both, else the ratio of the two suite medians on `scenario`.
 *
 * @example
 * targetRatio(results, 'tsgi-async', 'node-http', 'plaintext'); // 0.71
 */
export function targetRatio(results: HttpResults, id: string, baselineId: string, scenario: ScenarioId): number | null {
  const { paired } = results;
  if (paired?.scenario === scenario && (paired.bursts[id]?.length ?? 0) > 0 && (paired.bursts[baselineId]?.length ?? 0) > 0) {
    return pairedRatio(paired, id, baselineId);
  }
  const find = (wanted: string) => results.contenders.find((c) => c.id === wanted);
  return ratio(medianRps(find(id), scenario), medianRps(find(baselineId), scenario));
}

/**
 * The paired bursts as a table: each contender's median req/s and the median of its per-round ratio to
 * its baseline (`baselineOf`), or why it has no bursts.
 */
export function pairedTable(paired: PairedResults, labelOf: (id: string) => string, baselineOf: (id: string) => string): string {
  const ids = [...Object.keys(paired.bursts), ...Object.keys(paired.missing).filter((id) => !(id in paired.bursts))];
  const rows = ids.map((id) => {
    const bursts = paired.bursts[id] ?? [];
    if (bursts.length === 0) return [labelOf(id), '—', paired.missing[id] ?? 'not measured'];
    const baseline = baselineOf(id);
    return [labelOf(id), formatRate(median(bursts)), baseline === id ? '1.00×' : formatRatio(pairedRatio(paired, id, baseline))];
  });
  return renderTable(['Contender', `${paired.scenario}, median req/s over bursts`, 'median of the per-round ratios'], rows);
}

/** The paragraph that says how the paired bursts were taken. */
export function pairedIntro(paired: PairedResults): string {
  return (
    `The targets are judged on paired bursts: the contenders of a target run side by side (each started once, idle while another is loaded), ` +
    `and take turns, in a rotated order, at \`wrk -t1 -c${paired.connections} -d${paired.durationS}s\` on ${paired.scenario}, ${paired.rounds} rounds. ` +
    'A ratio is the median over rounds of two bursts of the same round, taken seconds apart: on this shared machine throughput drifts by tens of percent ' +
    'within minutes, more than the gaps the targets judge, so medians taken minutes apart (the tables above) can mislead.'
  );
}

/** The commands that started each server and loaded it, for the report. */
export function commandsBlock(results: HttpResults): string {
  // Every server also gets PORT and NODE_ENV=production in its environment (env/server-process.ts).
  const lines = results.contenders.filter((c) => c.command != null).map((c) => `# ${c.label}\nNODE_ENV=production PORT=$PORT ${c.command}`);
  const method = 'BENCH_METHOD=POST BENCH_BODY_BYTES=1024 for the POST echo';
  return ['<details><summary>Exact commands</summary>', '', '```sh', ...lines, `# load (${method})`, results.loadCommand, '```', '', '</details>'].join('\n');
}

/** Renders the HTTP section. */
export function renderHttp(results: HttpResults): Section {
  const charts = [summaryChart(results), ...results.scenarios.map((s) => scenarioChart(results, s.id, s.title))];
  const parts = [
    '## HTTP: one process, loopback',
    '',
    `Each server runs as one process${results.pinned ? ' pinned to core 1 (`taskset -c 1`), with wrk pinned to core 0' : ' (not pinned: fewer than 2 cores or no taskset)'}. ` +
      `Servers take turns: every round starts each server once, in a rotated order, checks that it answers every scenario correctly, ` +
      `then, per scenario, ${results.warmupS > 0 ? `warms that scenario up for ${results.warmupS} s (a JIT that has only seen one path has not compiled the others) and ` : ''}runs \`wrk -t1 -c${results.connections} -d${results.durationS}s\`. ` +
      `${results.rounds} round(s); the tables show medians, and the ratio of each median to the raw node:http handler's. ` +
      "gunicorn's default sync worker does not keep connections alive, so wrk reconnects for each of its requests; that is how gunicorn runs unless told otherwise. " +
      'The bare async host serves the same raw async app as `tsgi serve` on node:http with only what the async contract needs (a scope literal, a `receive`, a `send`, no validation at all): ' +
      'its ratio is the cost of the contract itself, the most any conforming host of an async app can reach.',
    '',
    chartLink(charts[0] as Chart, 'HTTP throughput relative to node:http'),
    '',
    summaryTable(results),
    '',
  ];
  results.scenarios.forEach((scenario, index) => {
    parts.push(`### ${scenario.title}`, '', chartLink(charts[index + 1] as Chart, `HTTP ${scenario.title}`), '', scenarioTable(results, scenario.id), '');
  });
  if (results.paired) {
    const labelOf = (id: string): string => results.contenders.find((c) => c.id === id)?.label ?? id;
    parts.push('### Plaintext in paired bursts (what the targets are judged on)', '', pairedIntro(results.paired), '', pairedTable(results.paired, labelOf, () => BASELINE_ID), '');
  }
  parts.push(commandsBlock(results), '');
  parts.push('### Memory', '', 'Resident memory of the server and any process it started, read from `/proc/PID/status` at the end of each round (median over rounds).', '', memoryTable(results), '');
  return {
    markdown: parts.join('\n'),
    charts,
    targets: [rawTarget(results, 'tsgi-async', 'Raw async app vs node:http', BARE_ASYNC_ID), rawTarget(results, 'tsgi-sync', 'Raw sync app vs node:http')],
  };
}

/** How a smaller HTTP comparison (one baseline, no targets) is titled and charted. */
export interface ComparisonOptions {
  heading: string;
  intro: string;
  /** Charts are named `${chartPrefix}-${scenario}.svg`. */
  chartPrefix: string;
  baselineId: string;
  /** How the ratio column names the baseline, e.g. 'express route'. */
  baselineName: string;
}

/** Renders a comparison of a few HTTP contenders against one of them. */
export function renderHttpComparison(results: HttpResults, options: ComparisonOptions): Section {
  const baselineOf = (scenario: ScenarioId) => medianRps(results.contenders.find((c) => c.id === options.baselineId), scenario);
  const rows = results.contenders.map((contender) => {
    const why = missingReason(contender);
    if (why) return [contender.label, ...results.scenarios.map(() => '—'), '—', why];
    return [
      contender.label,
      ...results.scenarios.map((s) => {
        const rps = medianRps(contender, s.id);
        return rps == null ? '—' : formatRate(rps);
      }),
      formatMicros(median(contender.runs.map((run) => run.p99Us))),
      formatRatio(ratioAcrossScenarios(results, contender.id, options.baselineId)),
    ];
  });
  const charts: Chart[] = results.scenarios.map((s) => ({
    file: `${options.chartPrefix}-${s.id}.svg`,
    svg: renderBarChart({
      title: `${options.heading}: ${s.title}`,
      subtitle: `requests per second, median of ${results.rounds} run(s), ${results.connections} connections; longer is better`,
      bars: results.contenders.map((c) => {
        const value = missingReason(c) ? null : medianRps(c, s.id);
        const valueLabel = value == null ? (missingReason(c) ?? '—') : `${formatRate(value)} (${formatRatio(ratio(value, baselineOf(s.id)))})`;
        return { label: c.label, value, valueLabel, kind: c.kind };
      }),
    }),
  }));
  const markdown = [
    `## ${options.heading}`,
    '',
    `${options.intro} wrk as in the HTTP suite: \`-t1 -c${results.connections} -d${results.durationS}s\`, ${results.rounds} round(s), servers taking turns.`,
    '',
    renderTable(['Contender', ...results.scenarios.map((s) => `${s.title}, req/s`), 'p99 (median)', `vs ${options.baselineName}`], rows),
    '',
    ...charts.flatMap((c) => [chartLink(c, c.file), '']),
    commandsBlock(results),
    '',
  ].join('\n');
  return { markdown, charts, targets: [] };
}
