// The fetch section: @tsgi/fetch and a bare async adapter against a native handler on the same
// runtime, and the 90% target.
import { formatMicros, formatRate, formatRatio } from '../format.js';
import { commandsBlock, medianRps, missingReason, pairedIntro, pairedTable, ratioAcrossScenarios, targetRatio } from '../http/render.js';
import type { HttpResults } from '../http/run.js';
import { renderTable } from '../report/markdown-table.js';
import { renderBarChart } from '../report/svg-bar-chart.js';
import { allOf } from '../report/targets.js';
import { median, ratio } from '../stats.js';
import { chartLink, type Chart, type Section } from '../suite.js';

const RUNTIMES = [
  ['bun', 'Bun'],
  ['deno', 'Deno'],
] as const;

/** The native contender a fetch contender is compared with: the one on its runtime. */
function nativeOf(id: string): string {
  return `${id.split('-')[0] ?? ''}-native`;
}

/** Renders the fetch section. */
export function renderFetch(results: HttpResults): Section {
  const rows = results.contenders.map((c) => {
    const why = missingReason(c);
    if (why) return [c.label, ...results.scenarios.map(() => '—'), '—', why];
    const p99 = c.runs.map((run) => run.p99Us);
    return [
      c.label,
      ...results.scenarios.map((s) => {
        const rps = medianRps(c, s.id);
        return rps == null ? '—' : formatRate(rps);
      }),
      formatMicros(median(p99)),
      formatRatio(ratioAcrossScenarios(results, c.id, nativeOf(c.id))),
    ];
  });
  const charts: Chart[] = results.scenarios.map((s) => ({
    file: `fetch-${s.id}.svg`,
    svg: renderBarChart({
      title: `Fetch runtimes: ${s.title}`,
      subtitle: `requests per second, median of ${results.rounds} run(s), ${results.connections} connections; longer is better`,
      bars: results.contenders.map((c) => {
        const value = missingReason(c) ? null : medianRps(c, s.id);
        const native = medianRps(results.contenders.find((n) => n.id === nativeOf(c.id)), s.id);
        return { label: c.label, value, valueLabel: value == null ? (missingReason(c) ?? '—') : `${formatRate(value)} (${formatRatio(ratio(value, native))} native)`, kind: c.kind };
      }),
    }),
  }));
  const parts = RUNTIMES.map(([id, name]) => {
    const tsgi = results.contenders.find((c) => c.id === `${id}-tsgi`);
    const native = results.contenders.find((c) => c.id === `${id}-native`);
    const why = (tsgi && missingReason(tsgi)) ?? (native && missingReason(native)) ?? (tsgi && native ? null : `pending: ${name} contenders not in this run`);
    if (why) return { pending: `${name}: ${why}` };
    // Hello-world throughput, as the issue states it: the plaintext scenario, paired when measured so.
    const value = targetRatio(results, `${id}-tsgi`, `${id}-native`, 'plaintext');
    if (value == null) return { pending: `${name}: not measured` };
    // The bare adapter is context for the reader, never part of the verdict.
    const bare = targetRatio(results, `${id}-bare`, `${id}-native`, 'plaintext');
    return { ok: value >= 0.9, text: `${name} ${formatRatio(value)}${bare == null ? '' : ` (bare adapter ${formatRatio(bare)})`}` };
  });
  const markdown = [
    '## Fetch adapter on Bun and Deno',
    '',
    'A hand-written fetch handler and `@tsgi/fetch` (through `toBunServe` on Bun and `toDenoHandler` on Deno) running the raw async app of the HTTP suite, ' +
      `each bundled into one file with esbuild and served by the runtime on core 1, loaded with \`wrk -t1 -c${results.connections} -d${results.durationS}s\` on core 0, ${results.rounds} round(s), taking turns. ` +
      'The last column compares each contender with the native handler on the same runtime (geometric mean over the scenarios). ' +
      'The bare async adapter runs the same app with only what the async contract needs (a scope literal, a `receive`, a `send` that resolves one Response, no validation at all): ' +
      'its ratio is the cost of the contract itself, since an async app cannot hand the runtime a Response synchronously, and no conforming adapter can beat it.',
    '',
    renderTable(['Contender', ...results.scenarios.map((s) => `${s.title}, req/s`), 'p99 (median)', 'vs native on its runtime'], rows),
    '',
    ...charts.flatMap((c) => [chartLink(c, c.file), '']),
    ...(results.paired
      ? [
          '### Plaintext in paired bursts (what the target is judged on)',
          '',
          `${pairedIntro(results.paired)} Each contender's ratio is to the native handler on its own runtime.`,
          '',
          pairedTable(results.paired, (cid) => results.contenders.find((c) => c.id === cid)?.label ?? cid, nativeOf),
          '',
        ]
      : []),
    commandsBlock(results),
    '',
  ].join('\n');
  return { markdown, charts, targets: [allOf('Fetch adapter vs native', 'req/s ≥ 0.90× a native handler, on Bun and on Deno', parts)] };
}
