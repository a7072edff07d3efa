import { describe, expect, it } from 'vitest';
import { allOf, atLeast, atMost, renderTargets } from './targets.js';

const times = (value: number) => `${value.toFixed(2)}×`;

describe('targets', () => {
  it('meets an at-least target at or above the threshold only', () => {
    expect(atLeast('ws', '≥ 0.95×', { value: 0.95 }, 0.95, times).status).toBe('met');
    expect(atLeast('ws', '≥ 0.95×', { value: 0.949 }, 0.95, times).status).toBe('not met');
  });

  it('prints the exact value when rounding would show a missed threshold as the threshold itself', () => {
    expect(atLeast('ws', '≥ 0.95×', { value: 0.9462 }, 0.95, times)).toMatchObject({ measured: '0.95× (exactly 0.9462)', status: 'not met' });
    expect(atLeast('ws', '≥ 0.95×', { value: 0.9512 }, 0.95, times).measured).toBe('0.95×');
    expect(atMost('size', '≤ 8.00 kB', { value: 8001 }, 8000, (v) => `${(v / 1000).toFixed(2)} kB`).measured).toBe('8.00 kB (exactly 8001)');
  });

  it('meets an at-most target at or below the threshold only', () => {
    expect(atMost('size', '≤ 8 kB', { value: 8000 }, 8000, String).status).toBe('met');
    expect(atMost('size', '≤ 8 kB', { value: 8001 }, 8000, String).status).toBe('not met');
  });

  it('reports a pending measurement as not yet measurable, with its reason', () => {
    expect(atLeast('ws', '≥ 0.95×', { pending: 'pending: @tsgi/server not built' }, 0.95, times)).toEqual({
      target: 'ws',
      goal: '≥ 0.95×',
      measured: 'pending: @tsgi/server not built',
      status: 'not yet measurable',
    });
  });

  it('needs every part of a compound target', () => {
    const row = allOf('raw async', 'within 5% and ahead of fastify', [
      { ok: true, text: '0.97× node:http' },
      { ok: false, text: '0.90× fastify' },
    ]);
    expect(row).toMatchObject({ measured: '0.97× node:http; 0.90× fastify', status: 'not met' });
    expect(allOf('x', 'y', [{ ok: true, text: 'a' }, { pending: 'pending: p' }]).status).toBe('not yet measurable');
  });

  it('renders a row per target with its status mark', () => {
    const table = renderTargets([{ target: 'ws', goal: '≥ 0.95×', measured: '0.97×', status: 'met' }]);
    expect(table.split('\n')[2]).toBe('| ws | ≥ 0.95× | 0.97× | ✅ met |');
  });
});
