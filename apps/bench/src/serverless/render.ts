// The serverless section: events per second and per-event overhead, ratios to serverless-express.
import { formatMicros, formatRatio } from '../format.js';
import { medianOps, microChart, microMissing, microRatio, opsCell } from '../micro/render-micro.js';
import { renderTable } from '../report/markdown-table.js';
import { atLeast } from '../report/targets.js';
import { chartLink, type Section } from '../suite.js';
import { LAMBDA_BASELINE_ID } from './contenders.js';
import { WARMUP_EVENTS } from './prepare.js';
import type { ServerlessResults } from './run.js';

/** Renders the serverless section. */
export function renderServerless(results: ServerlessResults): Section {
  const groups = results.groups.map((g) => g.id);
  const rows = results.contenders.map((c) => {
    const why = microMissing(c);
    if (why) return [c.label, ...results.groups.flatMap(() => ['—', '—']), why];
    return [
      c.label,
      ...results.groups.flatMap((g) => {
        const ops = medianOps(c, g.id);
        return [opsCell(c.samples[g.id]), ops == null ? '—' : formatMicros(1e6 / ops)];
      }),
      formatRatio(microRatio(results.contenders, groups, c.id, LAMBDA_BASELINE_ID)),
    ];
  });
  const charts = results.groups.map((g) =>
    microChart({
      file: `lambda-${g.id}.svg`,
      title: `AWS Lambda adapters: ${g.title}`,
      subtitle: `time per API Gateway v2 event, in-process, median of ${results.samples} samples; shorter is better (ratios are of events/s)`,
      contenders: results.contenders,
      group: g.id,
      baselineId: LAMBDA_BASELINE_ID,
      baselineName: 'serverless-express',
      per: 'op',
    }),
  );
  const tsgi = results.contenders.find((c) => c.id === 'tsgi-async');
  const why = tsgi ? microMissing(tsgi) : 'pending: @tsgi/aws-lambda not built';
  const value = why ? null : microRatio(results.contenders, groups, 'tsgi-async', LAMBDA_BASELINE_ID);
  const markdown = [
    '## Serverless: AWS Lambda adapters',
    '',
    'Per-event overhead of each adapter, measured in-process: the same API Gateway HTTP API (payload 2.0) event object is handed to the handler again and again, ' +
      'each call awaited before the next, as the Lambda runtime does. The express contenders run the express app from the HTTP suite; the tsgi contenders run its raw apps. ' +
      'Each contender runs in its own worker process; every handler is first checked to answer 200 with the right body. ' +
      `Every handler first answers ${WARMUP_EVENTS.toLocaleString('en-US')} events per group (express runs several times slower until V8 has optimised it), then warms up; ` +
      `samples of about ${results.sampleMs} ms are then taken round-robin across contenders. ` +
      "Time is the worker's CPU time (user + system, all its threads, so garbage collection counts), not the wall clock: " +
      'the handlers do no I/O and set no timers, and a Lambda environment has its CPU to itself, so time the shared benchmark machine spends on other processes is left out.',
    '',
    renderTable(['Adapter', ...results.groups.flatMap((g) => [`${g.title}: events/s`, 'per event']), 'vs serverless-express (geometric mean)'], rows),
    '',
    ...charts.flatMap((c) => [chartLink(c, c.file), '']),
  ].join('\n');
  return {
    markdown,
    charts,
    targets: [
      atLeast('Lambda adapter vs serverless-express', 'events/s ≥ 5× @codegenie/serverless-express', value == null ? { pending: why ?? 'not measured' } : { value }, 5, (v) => `${formatRatio(v)} serverless-express`),
    ],
  };
}
