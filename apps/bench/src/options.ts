// Command-line options of `pnpm bench`.
import { UsageError } from './errors.js';

/** Parsed options. */
export interface Options {
  /** `--quick`: the short development profile. @default false */
  quick: boolean;
  /** `--only=http,router`: run these suites only. @default every suite */
  only: string[] | null;
  /** `--report-only`: re-render docs/benchmarks.md from docs/benchmarks/results.json. @default false */
  reportOnly: boolean;
  /** `--out=DIR`: where benchmarks.md and benchmarks/ go. @default the repository's docs/ */
  out: string | null;
  /** `--contenders=node-http,tsgi-async`: measure only these contender ids. @default every contender */
  contenders: string[] | null;
}

/** The usage text. */
export const USAGE = `usage: pnpm bench [--quick] [--only=SUITE,...] [--contenders=ID,...] [--report-only] [--out=DIR]
  --quick         short development run (≤ 2 minutes); numbers are rough
  --only=LIST     run only these suites (comma-separated ids)
  --contenders=LIST  measure only these contenders (ids as in results.json); others show as skipped
  --report-only   rebuild the report from DIR/benchmarks/results.json without measuring
  --out=DIR       write DIR/benchmarks.md and DIR/benchmarks/*.svg (default: docs/)`;

/**
 * Parses argv (without node and the script).
 *
 * @example
 * parseOptions(['--quick', '--only=http'], ['http', 'router']); // { quick: true, only: ['http'], reportOnly: false, out: null, contenders: null }
 */
export function parseOptions(argv: readonly string[], suiteIds: readonly string[]): Options {
  const options: Options = { quick: false, only: null, reportOnly: false, out: null, contenders: null };
  for (const arg of argv) {
    if (arg === '--') continue; // pnpm passes a separator through when given one
    if (arg === '--quick') options.quick = true;
    else if (arg === '--report-only') options.reportOnly = true;
    else if (arg.startsWith('--out=')) options.out = arg.slice('--out='.length);
    else if (arg.startsWith('--contenders=')) options.contenders = arg.slice('--contenders='.length).split(',').filter(Boolean);
    else if (arg.startsWith('--only=')) {
      const ids = arg.slice('--only='.length).split(',').filter(Boolean);
      const unknown = ids.filter((id) => !suiteIds.includes(id));
      if (unknown.length > 0) throw new UsageError(`unknown suite ${unknown.join(', ')}; suites are ${suiteIds.join(', ')}`);
      options.only = ids;
    } else throw new UsageError(`unknown option ${arg}`);
  }
  return options;
}
