// The "Targets" table: each goal from the issue, its measured value and whether it was met. A goal whose
// contender is not built yet is "not yet measurable", never guessed.
import { renderTable } from './markdown-table.js';

/** Whether a target was met. */
export type TargetStatus = 'met' | 'not met' | 'not yet measurable';

/** One row of the Targets table. */
export interface TargetRow {
  target: string;
  /** The goal in words, e.g. '≥ 0.95× raw node:http'. */
  goal: string;
  /** The measured value in words, or why there is none. */
  measured: string;
  status: TargetStatus;
}

/** A measurement to compare with a goal: the value, or the reason there is none. */
export type Measured = { value: number } | { pending: string };

/**
 * A target met when the measured value is at least `threshold`.
 *
 * @example
 * atLeast('ws echo', '≥ 0.95× raw ws', { value: 0.97 }, 0.95, (v) => `${v}×`);
 * // { target: 'ws echo', goal: '≥ 0.95× raw ws', measured: '0.97×', status: 'met' }
 */
export function atLeast(target: string, goal: string, measured: Measured, threshold: number, format: (value: number) => string): TargetRow {
  if ('pending' in measured) return { target, goal, measured: measured.pending, status: 'not yet measurable' };
  const met = measured.value >= threshold;
  return { target, goal, measured: shown(measured.value, met, threshold, format), status: met ? 'met' : 'not met' };
}

/**
 * The measured value in words. Rounding can print a value that misses the threshold as the threshold
 * itself (0.946 as '0.95×' against ≥ 0.95); then the exact value follows, so the row does not read as
 * a contradiction.
 */
function shown(value: number, met: boolean, threshold: number, format: (value: number) => string): string {
  const text = format(value);
  return !met && text === format(threshold) ? `${text} (exactly ${Number(value.toPrecision(4))})` : text;
}

/**
 * A target met when the measured value is at most `threshold`.
 *
 * @example
 * atMost('router size', '≤ 8 kB', { value: 7421 }, 8000, (v) => `${v} B`).status; // 'met'
 */
export function atMost(target: string, goal: string, measured: Measured, threshold: number, format: (value: number) => string): TargetRow {
  if ('pending' in measured) return { target, goal, measured: measured.pending, status: 'not yet measurable' };
  const met = measured.value <= threshold;
  return { target, goal, measured: shown(measured.value, met, threshold, format), status: met ? 'met' : 'not met' };
}

/**
 * A target that holds when every one of several checks holds (e.g. "within 5% of node:http and ahead
 * of fastify"); pending if any part is.
 *
 * @example
 * allOf('raw async', 'within 5% and ahead of fastify', [{ ok: true, text: '0.97×' }, { ok: true, text: '1.4× fastify' }]);
 */
export function allOf(
  target: string,
  goal: string,
  parts: ReadonlyArray<{ ok: boolean; text: string } | { pending: string }>,
): TargetRow {
  const pending = parts.find((part): part is { pending: string } => 'pending' in part);
  if (pending) return { target, goal, measured: pending.pending, status: 'not yet measurable' };
  const done = parts as ReadonlyArray<{ ok: boolean; text: string }>;
  return {
    target,
    goal,
    measured: done.map((part) => part.text).join('; '),
    status: done.every((part) => part.ok) ? 'met' : 'not met',
  };
}

const MARK: Record<TargetStatus, string> = { met: '✅ met', 'not met': '❌ not met', 'not yet measurable': '⏳ not yet measurable' };

/**
 * Renders the Targets table.
 *
 * @example
 * renderTargets([{ target: 'ws echo', goal: '≥ 0.95×', measured: '0.97×', status: 'met' }]);
 */
export function renderTargets(rows: readonly TargetRow[]): string {
  return renderTable(
    ['Target', 'Goal', 'Measured', 'Status'],
    rows.map((row) => [row.target, row.goal, row.measured, MARK[row.status]]),
    ['left', 'left', 'left', 'left'],
  );
}
