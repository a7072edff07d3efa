// The contract every benchmark suite implements: run (measure, returning plain JSON-able results) and
// render (results → Markdown, charts and target rows). Rendering needs nothing but the results, so the
// report can be regenerated from docs/benchmarks/results.json and is unit-tested without measuring.
import type { Tools } from './env/tools.js';
import type { Profile } from './profile.js';
import type { TargetRow } from './report/targets.js';

/** What a suite may use while it measures. */
export interface RunContext {
  profile: Profile;
  tools: Tools;
  /** Progress to stderr (kept out of the report). */
  log(message: string): void;
  /** Whether a contender is to be measured in this run (`--contenders`). */
  selected(id: string): boolean;
}

/** The reason shown for a contender left out with `--contenders`. */
export const NOT_SELECTED = 'skipped: not selected with --contenders';

/** A chart, written to docs/benchmarks/<file>. */
export interface Chart {
  file: string;
  svg: string;
}

/** A suite's part of the report. */
export interface Section {
  /** Markdown from the section's `##` heading on. */
  markdown: string;
  charts: Chart[];
  /** Rows for the Targets table. */
  targets: TargetRow[];
}

/** One suite. */
export interface Suite<R = unknown> {
  id: string;
  title: string;
  run(ctx: RunContext): Promise<R>;
  render(result: R): Section;
}

/** Markdown image link to a chart in docs/benchmarks/. */
export function chartLink(chart: Chart, alt: string): string {
  return `![${alt}](benchmarks/${chart.file})`;
}
