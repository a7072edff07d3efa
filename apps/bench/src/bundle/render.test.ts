import { describe, expect, it } from 'vitest';
import type { PackageResult } from './run.js';
import { renderBundle } from './render.js';

const pkg = (label: string, gzipped: number | null, importMs: number[] = [], unavailable: string | null = null): PackageResult => ({
  name: label.split(' ')[0] as string,
  label,
  kind: 'tsgi',
  unavailable,
  failure: null,
  full: gzipped == null ? null : { minified: gzipped * 3, gzipped },
  own: gzipped == null ? null : { minified: gzipped * 3, gzipped },
  importMs,
});

describe('bundle report', () => {
  it('judges the router target on createRouter and all it reaches, and shows the whole entry too', () => {
    const { targets } = renderBundle({ importRuns: 3, packages: [pkg('@tsgi/router', 9000, [20, 22, 21]), pkg('@tsgi/router { createRouter }', 7900)] });
    expect(targets[0]).toMatchObject({ status: 'met', measured: '7.90 kB (whole entry: 9.00 kB)' });
  });

  it('misses the target above 8,000 bytes', () => {
    const { targets } = renderBundle({ importRuns: 3, packages: [pkg('@tsgi/router { createRouter }', 8001)] });
    expect(targets[0]?.status).toBe('not met');
  });

  it('is not yet measurable before the router is built', () => {
    const { targets } = renderBundle({ importRuns: 3, packages: [pkg('@tsgi/router { createRouter }', null, [], 'pending: @tsgi/router not built')] });
    expect(targets[0]).toMatchObject({ status: 'not yet measurable', measured: 'pending: @tsgi/router not built' });
  });

  it('shows the median import time and charts import time for whole packages only', () => {
    const { markdown, charts } = renderBundle({ importRuns: 3, packages: [pkg('@tsgi/router', 9000, [20, 30, 21]), pkg('@tsgi/router { createRouter }', 7900)] });
    expect(markdown).toContain('| @tsgi/router | 9.00 kB | 26.4 KiB | 9.00 kB | 21.0 ms |');
    expect(markdown).toContain('| @tsgi/router { createRouter } | 7.90 kB | 23.1 KiB | 7.90 kB | as above |');
    expect(charts.find((c) => c.file === 'cold-import.svg')?.svg).not.toContain('{ createRouter }');
  });
});
