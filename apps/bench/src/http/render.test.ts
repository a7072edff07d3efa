import { describe, expect, it } from 'vitest';
import { NOT_SELECTED } from '../suite.js';
import { medianRps, ratioAcrossScenarios, renderHttp } from './render.js';
import type { HttpContenderResult, HttpResults } from './run.js';
import { SCENARIOS } from './scenarios.js';

function contender(id: string, kind: HttpContenderResult['kind'], rpsByRound: number[], unavailable: string | null = null): HttpContenderResult {
  return {
    id,
    label: id,
    kind,
    unavailable,
    failure: null,
    command: unavailable ? null : `node ${id}.js`,
    runs: unavailable
      ? []
      : SCENARIOS.flatMap((s) => rpsByRound.map((rps, round) => ({ round, scenario: s.id, rps, p50Us: 500, p99Us: 2000, errors: 0 }))),
    memory: unavailable ? [] : [{ rss: 50 * 1024 * 1024, hwm: 60 * 1024 * 1024 }],
  };
}

function results(contenders: HttpContenderResult[]): HttpResults {
  return {
    loadCommand: 'wrk -t1 -c64 -d2s http://127.0.0.1:$PORT$PATH',
    rounds: 3,
    durationS: 2,
    warmupS: 1,
    connections: 64,
    pinned: true,
    scenarios: SCENARIOS.map(({ id, title }) => ({ id, title })),
    contenders,
  };
}

describe('HTTP report', () => {
  const measured = results([
    contender('node-http', 'ceiling', [100, 1000, 990]),
    contender('bare-async-host', 'ceiling', [985, 980, 985]),
    contender('tsgi-async', 'tsgi', [970, 960, 10]),
    contender('tsgi-sync', 'tsgi', [900, 900, 900]),
    contender('fastify', 'peer', [800, 800, 800]),
    contender('tsgi-router-async', 'tsgi', [], 'pending: @tsgi/router not built'),
  ]);

  it('takes medians, so one disturbed round does not move the result', () => {
    expect(medianRps(measured.contenders[0], 'plaintext')).toBe(990);
    expect(medianRps(measured.contenders[2], 'plaintext')).toBe(960);
  });

  it('compares contenders by the geometric mean of per-scenario ratios', () => {
    expect(ratioAcrossScenarios(measured, 'tsgi-async', 'node-http')).toBeCloseTo(960 / 990, 10);
    expect(ratioAcrossScenarios(measured, 'tsgi-router-async', 'node-http')).toBeNull();
  });

  it('judges the raw-app target on hello-world (plaintext) throughput alone', () => {
    const perScenario = (id: string, kind: HttpContenderResult['kind'], plaintext: number, others: number): HttpContenderResult => {
      const base = contender(id, kind, [others]);
      return { ...base, runs: base.runs.map((run) => (run.scenario === 'plaintext' ? { ...run, rps: plaintext } : run)) };
    };
    const mixed = results([perScenario('node-http', 'ceiling', 1000, 1000), perScenario('tsgi-async', 'tsgi', 980, 500), perScenario('fastify', 'peer', 700, 900)]);
    expect(renderHttp(mixed).targets[0]).toMatchObject({ status: 'met', measured: '0.98× node:http; 1.40× fastify' });
  });

  it('meets the raw-app target only within 5% of node:http and ahead of fastify', () => {
    const [asyncTarget, syncTarget] = renderHttp(measured).targets;
    expect(asyncTarget).toMatchObject({ status: 'met', measured: '0.97× node:http; 1.20× fastify (bare async host: 0.99× node:http)' });
    expect(syncTarget).toMatchObject({ status: 'not met', measured: '0.91× node:http; 1.13× fastify' });
  });

  it('shows the bare async host beside the async target without judging by it', () => {
    const run = (asyncRps: number, bareRps: number) =>
      renderHttp(
        results([
          contender('node-http', 'ceiling', [1000]),
          contender('bare-async-host', 'ceiling', [bareRps]),
          contender('tsgi-async', 'tsgi', [asyncRps]),
          contender('fastify', 'peer', [600]),
        ]),
      ).targets[0];
    expect(run(690, 930)).toMatchObject({ status: 'not met', measured: '0.69× node:http; 1.15× fastify (bare async host: 0.93× node:http)' });
    expect(run(960, 800)).toMatchObject({ status: 'met', measured: '0.96× node:http; 1.60× fastify (bare async host: 0.80× node:http)' });
  });

  it('leaves the bare async host out of the target when it was not measured', () => {
    const withoutBare = results([
      contender('node-http', 'ceiling', [1000]),
      contender('bare-async-host', 'ceiling', [], NOT_SELECTED),
      contender('tsgi-async', 'tsgi', [700]),
      contender('fastify', 'peer', [600]),
    ]);
    expect(renderHttp(withoutBare).targets[0]).toMatchObject({ status: 'not met', measured: '0.70× node:http; 1.17× fastify' });
  });

  it('charts the bare async host against node:http and says what it is', () => {
    const { markdown } = renderHttp(measured);
    expect(markdown).toContain('| bare-async-host | 0.99× | 0.99× | 0.99× | 0.99× | 0.99× | 0.99× |');
    expect(markdown).toContain('its ratio is the cost of the contract itself');
  });

  it('judges the targets on the paired bursts when the run has them', () => {
    // The suite medians (taken minutes apart) say met; round by round tsgi-async is at 0.80× node:http.
    const withPaired: HttpResults = {
      ...measured,
      paired: {
        scenario: 'plaintext',
        rounds: 3,
        durationS: 1,
        connections: 64,
        bursts: { 'node-http': [1000, 500, 900], 'bare-async-host': [950, 470, 855], 'tsgi-async': [800, 400, 720], fastify: [900, 450, 810] },
        missing: { 'tsgi-sync': 'failed: wrong answer to GET /plaintext: status 500, expected 200' },
      },
    };
    const { targets, markdown } = renderHttp(withPaired);
    expect(targets[0]).toMatchObject({ status: 'not met', measured: '0.80× node:http; 0.89× fastify (bare async host: 0.95× node:http)' });
    expect(markdown).toContain('### Plaintext in paired bursts (what the targets are judged on)');
    expect(markdown).toContain('| tsgi-async | 720 | 0.80× |');
    expect(markdown).toContain('| tsgi-sync | — | failed: wrong answer to GET /plaintext: status 500, expected 200 |');
    // A contender the bursts missed falls back to the suite medians.
    expect(targets[1]).toMatchObject({ measured: '0.91× node:http; 1.13× fastify' });
  });

  it('reports a target as not yet measurable while its contender is pending', () => {
    const pending = results([contender('node-http', 'ceiling', [1000]), contender('tsgi-async', 'tsgi', [], 'pending: @tsgi/server not built')]);
    expect(renderHttp(pending).targets[0]).toMatchObject({ status: 'not yet measurable', measured: 'pending: @tsgi/server not built' });
  });

  it('lists a pending contender with its reason instead of numbers', () => {
    const { markdown } = renderHttp(measured);
    expect(markdown).toContain('| tsgi-router-async | pending: @tsgi/router not built | — | — | — | — | — |');
    expect(markdown).toContain('| tsgi-async | 960 | 0.97× | 500 µs | 2.00 ms | 3 (±50.0%) | 0 |');
  });

  it('draws a summary chart and one chart per scenario, each linked from the page', () => {
    const { charts, markdown } = renderHttp(measured);
    expect(charts.map((c) => c.file)).toEqual(['http-summary.svg', ...SCENARIOS.map((s) => `http-${s.id}.svg`)]);
    for (const chart of charts) expect(markdown).toContain(`(benchmarks/${chart.file})`);
  });

  it('prints how each measured server was started and loaded', () => {
    const { markdown } = renderHttp(measured);
    expect(markdown).toContain('# fastify\nNODE_ENV=production PORT=$PORT node fastify.js');
    expect(markdown).not.toContain('# tsgi-router-async');
    expect(markdown).toContain('wrk -t1 -c64 -d2s http://127.0.0.1:$PORT$PATH');
  });

  it('shows peak memory per contender', () => {
    expect(renderHttp(measured).markdown).toContain('| fastify | 60.0 MiB | 50.0 MiB |');
  });

  it('shows a contender left out with --contenders as skipped', () => {
    const { markdown } = renderHttp(results([contender('node-http', 'ceiling', [1000]), contender('fastify', 'peer', [], NOT_SELECTED)]));
    expect(markdown).toContain(`| fastify | ${NOT_SELECTED} |`);
  });
});
