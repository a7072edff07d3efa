import { describe, expect, it } from 'vitest';
import type { ThreadsContenderResult } from './run.js';
import { renderThreads } from './render.js';

const setting = (id: string, threads: number | null, cpuRps: number[], unavailable: string | null = null): ThreadsContenderResult => ({
  id,
  label: id,
  threads,
  unavailable,
  failure: null,
  cpuRps,
  healthP99Us: cpuRps.map(() => 1500),
});

const results = (contenders: ThreadsContenderResult[]) => ({ rounds: 2, warmupS: 1, durationS: 4, connections: 16, contenders });

describe('threads report', () => {
  it('measures scaling as 2-thread over 1-thread throughput', () => {
    const { targets } = renderThreads(results([setting('event-loop', null, [100]), setting('threads-1', 1, [200, 210]), setting('threads-2', 2, [360, 370])]));
    expect(targets[0]).toMatchObject({ status: 'met', measured: '1.78× 1 thread' });
  });

  it('misses the target below 1.7×', () => {
    const { targets } = renderThreads(results([setting('threads-1', 1, [200]), setting('threads-2', 2, [300])]));
    expect(targets[0]).toMatchObject({ status: 'not met', measured: '1.50× 1 thread' });
  });

  it('waits for --threads', () => {
    const pending = 'pending: tsgi serve has no --threads yet';
    const { targets, markdown } = renderThreads(results([setting('threads-1', 1, [], pending), setting('threads-2', 2, [], pending)]));
    expect(targets[0]).toMatchObject({ status: 'not yet measurable', measured: pending });
    expect(markdown).toContain(`| threads-2 | ${pending} | — | — |`);
  });
});
