import { describe, expect, it } from 'vitest';
import type { MicroContenderResult } from '../micro/run-micro.js';
import { renderServerless } from './render.js';

const contender = (id: string, opsPerSecond: number | null, unavailable: string | null = null): MicroContenderResult => ({
  id,
  label: id,
  kind: id.startsWith('tsgi') ? 'tsgi' : 'peer',
  unavailable,
  failure: null,
  samples: opsPerSecond == null ? {} : { param: [opsPerSecond], json: [opsPerSecond * 2] },
});

const results = (contenders: MicroContenderResult[]) => ({
  samples: 11,
  sampleMs: 200,
  groups: [
    { id: 'param' as const, title: 'GET /users/:id (text)' },
    { id: 'json' as const, title: 'GET /json' },
  ],
  contenders,
});

describe('serverless report', () => {
  it('meets the target at 5× serverless-express events per second', () => {
    const { targets, markdown } = renderServerless(results([contender('tsgi-async', 50_000), contender('serverless-express', 10_000)]));
    expect(targets[0]).toMatchObject({ status: 'met', measured: '5.00× serverless-express' });
    expect(markdown).toContain('| tsgi-async | 50,000 (±0.0%) | 20 µs | 100,000 (±0.0%) | 10 µs | 5.00× |');
  });

  it('misses it below 5×', () => {
    expect(renderServerless(results([contender('tsgi-async', 49_000), contender('serverless-express', 10_000)])).targets[0]?.status).toBe('not met');
  });

  it('waits for @tsgi/aws-lambda', () => {
    const pending = 'pending: @tsgi/aws-lambda not built';
    expect(renderServerless(results([contender('tsgi-async', null, pending), contender('serverless-express', 10_000)])).targets[0]).toMatchObject({
      status: 'not yet measurable',
      measured: pending,
    });
  });
});
