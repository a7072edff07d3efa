// Express mount overhead: the same scenarios answered by a native express route, by a tsgi app
// mounted in express with @tsgi/express (both interfaces), and by the tsgi server alone.
import type { HttpContender } from '../http/contender.js';
import { tsgiApp } from '../http/contender.js';
import { renderHttpComparison } from '../http/render.js';
import { runHttp, type HttpResults } from '../http/run.js';
import { SCENARIOS } from '../http/scenarios.js';
import { pendingReason } from '../env/workspace.js';
import { distFile } from '../paths.js';
import type { Suite } from '../suite.js';

/** The id ratios are taken against. */
export const MOUNT_BASELINE_ID = 'express-native';

const MOUNT_SCENARIOS = SCENARIOS.filter((s) => s.id === 'plaintext' || s.id === 'json' || s.id === 'param').map((s) => ({ ...s, path: `/api${s.path}` }));

function mounted(id: string, label: string, mode: string): HttpContender {
  return {
    id,
    label,
    kind: mode === 'native' ? 'ceiling' : 'tsgi',
    unavailable: () => (mode === 'native' ? Promise.resolve(null) : pendingReason('@tsgi/express', ['toExpressMiddleware'])),
    command: () => ({ file: process.execPath, args: [distFile('express-mount/server'), mode] }),
  };
}

/** The contenders, in report order. */
export const MOUNT_CONTENDERS: readonly HttpContender[] = [
  mounted(MOUNT_BASELINE_ID, 'express · native routes', 'native'),
  mounted('express-tsgi-async', 'express · @tsgi/express mount, raw async app', 'tsgi-async'),
  mounted('express-tsgi-sync', 'express · @tsgi/express mount, raw sync app', 'tsgi-sync'),
  tsgiApp('tsgi-standalone', 'tsgi server alone, raw async app', 'http/apps/raw-async', ['--interface', 'async', '--root-path', '/api']),
];

/** The Express mount suite. */
export const expressMountSuite: Suite<HttpResults> = {
  id: 'express-mount',
  title: 'Express mount overhead',
  run: (ctx) => runHttp(ctx, MOUNT_CONTENDERS, { scenarios: MOUNT_SCENARIOS, ...ctx.profile.mount }),
  render: (results) =>
    renderHttpComparison(results, {
      heading: 'Express mount overhead',
      intro:
        'The same scenarios under `/api`: answered by native express routes, by the HTTP suite\'s raw tsgi apps mounted with `app.use(\'/api\', toExpressMiddleware(app))`, ' +
        'and by the tsgi server alone (`--root-path /api`). Ratios are to the native express routes.',
      chartPrefix: 'express-mount',
      baselineId: MOUNT_BASELINE_ID,
      baselineName: 'express route',
    }),
};
