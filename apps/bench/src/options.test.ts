import { describe, expect, it } from 'vitest';
import { parseOptions } from './options.js';

const suites = ['http', 'router'];

describe('parseOptions', () => {
  it('defaults to the full run of every suite into docs/', () => {
    expect(parseOptions([], suites)).toEqual({ quick: false, only: null, reportOnly: false, out: null, contenders: null });
  });

  it('reads --quick, --only, --out, --contenders and --report-only, ignoring the -- pnpm may pass', () => {
    expect(parseOptions(['--', '--quick', '--only=http,router', '--out=/tmp/x', '--report-only', '--contenders=a,b'], suites)).toEqual({
      quick: true,
      only: ['http', 'router'],
      reportOnly: true,
      out: '/tmp/x',
      contenders: ['a', 'b'],
    });
  });

  it('names the unknown suite and lists the known ones', () => {
    expect(() => parseOptions(['--only=htp'], suites)).toThrow(
      expect.objectContaining({ name: 'UsageError', message: 'unknown suite htp; suites are http, router' }),
    );
  });

  it('refuses an unknown option', () => {
    expect(() => parseOptions(['--fast'], suites)).toThrow(expect.objectContaining({ name: 'UsageError' }));
  });
});
