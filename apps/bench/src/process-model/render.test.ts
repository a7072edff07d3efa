import { describe, expect, it } from 'vitest';
import { renderProcessModel } from './render.js';

describe('process-model report', () => {
  it('meets the targets when every worker is replaced without failures and every request completes', () => {
    const { targets } = renderProcessModel({
      reload: { workers: 2, requests: 12_000, failures: 0, replaced: true },
      drain: { inFlight: 200, completed: 200, firstFailure: null, exitCode: 0 },
    });
    expect(targets.map((t) => t.status)).toEqual(['met', 'met']);
    expect(targets[0]?.measured).toBe('workers replaced; 0 failed of 12,000 requests');
  });

  it('fails the reload on a single failed request, and the drain on one cut response', () => {
    const { targets, markdown } = renderProcessModel({
      reload: { workers: 2, requests: 12_000, failures: 1, replaced: true },
      drain: { inFlight: 200, completed: 199, firstFailure: 'response cut short', exitCode: 0 },
    });
    expect(targets.map((t) => t.status)).toEqual(['not met', 'not met']);
    expect(markdown).toContain('199 of 200 completed (first failure: response cut short)');
  });

  it('reports what the server cannot do yet as not yet measurable', () => {
    const { targets } = renderProcessModel({
      reload: { unavailable: 'pending: tsgi serve has no --workers yet' },
      drain: { unavailable: 'pending: @tsgi/server not built' },
    });
    expect(targets.map((t) => [t.status, t.measured])).toEqual([
      ['not yet measurable', 'pending: tsgi serve has no --workers yet'],
      ['not yet measurable', 'pending: @tsgi/server not built'],
    ]);
  });
});
