import { describe, expect, it } from 'vitest';
import type { HttpContenderResult, HttpResults } from '../http/run.js';
import { NOT_SELECTED } from '../suite.js';
import { renderFetch } from './render.js';

const contender = (id: string, rps: number | null, unavailable: string | null = null): HttpContenderResult => ({
  id,
  label: id,
  kind: id.endsWith('tsgi') ? 'tsgi' : 'ceiling',
  unavailable,
  failure: null,
  command: null,
  runs: rps == null ? [] : [{ round: 0, scenario: 'plaintext', rps, p50Us: 100, p99Us: 900, errors: 0 }],
  memory: [],
});

const results = (contenders: HttpContenderResult[]): HttpResults => ({
  loadCommand: 'wrk',
  rounds: 1,
  durationS: 2,
  warmupS: 1,
  connections: 64,
  pinned: true,
  scenarios: [{ id: 'plaintext', title: 'Plaintext' }],
  contenders,
});

describe('fetch report', () => {
  it('compares each adapter with the native handler on its own runtime', () => {
    const { targets } = renderFetch(results([contender('bun-native', 100_000), contender('bun-tsgi', 95_000), contender('deno-native', 50_000), contender('deno-tsgi', 40_000)]));
    expect(targets[0]).toMatchObject({ status: 'not met', measured: 'Bun 0.95×; Deno 0.80×' });
  });

  it("shows each runtime's bare adapter beside its result without judging by it", () => {
    const { targets, markdown } = renderFetch(
      results([
        contender('bun-native', 100_000),
        contender('bun-bare', 82_000),
        contender('bun-tsgi', 63_000),
        contender('deno-native', 50_000),
        contender('deno-bare', 47_500),
        contender('deno-tsgi', 46_000),
      ]),
    );
    expect(targets[0]).toMatchObject({ status: 'not met', measured: 'Bun 0.63× (bare adapter 0.82×); Deno 0.92× (bare adapter 0.95×)' });
    expect(markdown).toContain('| deno-bare | 47,500 | 900 µs | 0.95× |');
    expect(markdown).toContain('its ratio is the cost of the contract itself');
  });

  it('meets the target on the adapters alone, whatever the bare adapters reach', () => {
    const { targets } = renderFetch(
      results([contender('bun-native', 100), contender('bun-bare', 80), contender('bun-tsgi', 90), contender('deno-native', 100), contender('deno-bare', null, NOT_SELECTED), contender('deno-tsgi', 91)]),
    );
    expect(targets[0]).toMatchObject({ status: 'met', measured: 'Bun 0.90× (bare adapter 0.80×); Deno 0.91×' });
  });

  it('meets the target only when both runtimes reach 90%', () => {
    const { targets } = renderFetch(results([contender('bun-native', 100), contender('bun-tsgi', 90), contender('deno-native', 100), contender('deno-tsgi', 91)]));
    expect(targets[0]?.status).toBe('met');
  });

  it('judges the target on the paired plaintext bursts, each runtime against its own native handler', () => {
    const measured: HttpResults = {
      ...results([contender('bun-native', 100), contender('bun-tsgi', 95), contender('deno-native', 100), contender('deno-tsgi', 95)]),
      paired: {
        scenario: 'plaintext',
        rounds: 2,
        durationS: 1,
        connections: 64,
        bursts: { 'bun-native': [100_000, 80_000], 'bun-bare': [80_000, 64_000], 'bun-tsgi': [60_000, 48_000], 'deno-native': [90_000, 60_000], 'deno-tsgi': [81_000, 54_000] },
        missing: {},
      },
    };
    const { targets, markdown } = renderFetch(measured);
    expect(targets[0]).toMatchObject({ status: 'not met', measured: 'Bun 0.60× (bare adapter 0.80×); Deno 0.90×' });
    expect(markdown).toContain('| bun-bare | 72,000 | 0.80× |');
    expect(markdown).toContain('| deno-native | 75,000 | 1.00× |');
  });

  it('names the runtime that could not be measured', () => {
    const { targets } = renderFetch(
      results([contender('bun-native', 100), contender('bun-tsgi', 90), contender('deno-native', null, 'not installed: deno'), contender('deno-tsgi', null, 'not installed: deno')]),
    );
    expect(targets[0]).toMatchObject({ status: 'not yet measurable', measured: 'Deno: not installed: deno' });
  });
});
