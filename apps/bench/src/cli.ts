// `pnpm bench`: runs the suites, then writes docs/benchmarks.md, docs/benchmarks/*.svg and
// docs/benchmarks/results.json (the report can be rebuilt from the last with --report-only).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeMachine } from './env/machine.js';
import { findTools } from './env/tools.js';
import { collectVersions } from './env/versions.js';
import { parseOptions, USAGE } from './options.js';
import { DOCS_DIR, REPO_DIR } from './paths.js';
import { FULL, QUICK } from './profile.js';
import { renderReport, type Results, type SuiteOutcome } from './report/write-report.js';
import { SUITES } from './suites.js';
import type { RunContext } from './suite.js';

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_DIR, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'packages', 'apps/bench'], { cwd: REPO_DIR, encoding: 'utf8' }).trim();
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

async function measure(quick: boolean, only: string[] | null, contenders: string[] | null): Promise<Results> {
  const started = Date.now();
  const tools = findTools();
  const machine = describeMachine();
  const ctx: RunContext = { profile: quick ? QUICK : FULL, tools, log, selected: (id) => contenders == null || contenders.includes(id) };
  const suites: Record<string, SuiteOutcome> = {};
  for (const suite of SUITES) {
    if (only && !only.includes(suite.id)) continue;
    log(`== ${suite.title}`);
    const suiteStarted = Date.now();
    try {
      suites[suite.id] = { result: await suite.run(ctx) };
    } catch (error) {
      log(error instanceof Error ? (error.stack ?? error.message) : String(error));
      suites[suite.id] = { error: error instanceof Error ? error.message : String(error) };
    }
    log(`== ${suite.title}: ${Math.round((Date.now() - suiteStarted) / 1000)} s`);
  }
  const flags = [quick ? '--quick' : '', only ? `--only=${only.join(',')}` : '', contenders ? `--contenders=${contenders.join(',')}` : '']
    .filter(Boolean)
    .join(' ');
  return {
    meta: {
      generatedAt: new Date().toISOString(),
      profile: quick ? 'quick' : 'full',
      command: `pnpm bench${flags ? ` ${flags}` : ''}`,
      commit: gitCommit(),
      machine,
      versions: collectVersions(tools),
      durationS: (Date.now() - started) / 1000,
    },
    suites,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), SUITES.map((suite) => suite.id));
  const out = options.out ? resolve(options.out) : DOCS_DIR;
  const chartsDir = join(out, 'benchmarks');
  const results = options.reportOnly
    ? (JSON.parse(readFileSync(join(chartsDir, 'results.json'), 'utf8')) as Results)
    : await measure(options.quick, options.only, options.contenders);
  mkdirSync(chartsDir, { recursive: true });
  if (!options.reportOnly) writeFileSync(join(chartsDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const report = renderReport(results, SUITES);
  for (const chart of report.charts) writeFileSync(join(chartsDir, chart.file), chart.svg);
  writeFileSync(join(out, 'benchmarks.md'), report.markdown);
  log(`wrote ${join(out, 'benchmarks.md')} and ${report.charts.length} chart(s) in ${Math.round(results.meta.durationS)} s`);
}

main().catch((error: unknown) => {
  if (error instanceof Error && error.name === 'UsageError') {
    log(`${error.message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
