// Paired bursts for the ratio targets. On a shared machine throughput drifts by tens of percent within
// minutes, so two medians taken minutes apart (as the round-robin suite takes them) can differ by more
// than the gap being judged. Here the contenders of one target run side by side, each started once, and
// take turns at short wrk bursts; a ratio is the median over rounds of the two bursts of one round,
// taken seconds apart under the same conditions.
import { failureLine } from '../failure.js';
import { freePort } from '../env/free-port.js';
import { startServer, type ServerProcess } from '../env/server-process.js';
import { pinned } from '../env/tools.js';
import { median } from '../stats.js';
import { NOT_SELECTED, type RunContext } from '../suite.js';
import type { HttpContender } from './contender.js';
import { checkScenarios, roundOrder } from './run.js';
import { SCENARIOS, type Scenario, type ScenarioId } from './scenarios.js';
import { runWrk } from './wrk.js';

/** How the paired bursts are run. */
export interface PairedSettings {
  rounds: number;
  durationS: number;
  warmupS: number;
  connections: number;
}

/** What the paired bursts load, and what every contender must answer correctly first. */
export interface PairedLoad {
  scenario: ScenarioId;
  checked: readonly Scenario[];
}

/** Every burst of every contender, by round. */
export interface PairedResults {
  scenario: ScenarioId;
  rounds: number;
  durationS: number;
  connections: number;
  /** req/s per contender id, one per round, in round order. */
  bursts: Record<string, number[]>;
  /** Why a contender has no bursts (not installed, not selected, a wrong answer). */
  missing: Record<string, string>;
}

/**
 * The median over rounds of `id`'s burst divided by `baselineId`'s burst in the same round; null
 * when either has no bursts.
 *
 * @example
 * pairedRatio({ bursts: { a: [90, 50, 80], b: [100, 100, 80] } }, 'a', 'b'); // 0.9 (median of 0.9, 0.5, 1)
 */
export function pairedRatio(results: Pick<PairedResults, 'bursts'>, id: string, baselineId: string): number | null {
  const a = results.bursts[id] ?? [];
  const b = results.bursts[baselineId] ?? [];
  const ratios: number[] = [];
  for (let round = 0; round < Math.min(a.length, b.length); round++) {
    const base = b[round] as number;
    if (base > 0) ratios.push((a[round] as number) / base);
  }
  return ratios.length === 0 ? null : median(ratios);
}

/**
 * Starts the contenders side by side, checks their answers, warms each up, then runs `rounds` rounds
 * in which each takes one burst of the scenario (in a rotated order); stops them all at the end.
 *
 * @example
 * const paired = await runPaired(ctx, [nodeHttp, tsgiAsync], { rounds: 11, durationS: 1, warmupS: 1, connections: 64 });
 * pairedRatio(paired, 'tsgi-async', 'node-http'); // 0.71
 */
export async function runPaired(
  ctx: RunContext,
  contenders: readonly HttpContender[],
  settings: PairedSettings,
  load: PairedLoad = { scenario: 'plaintext', checked: SCENARIOS },
): Promise<PairedResults> {
  const scenario = load.checked.find((s) => s.id === load.scenario);
  if (scenario === undefined) throw new Error(`the paired scenario ${load.scenario} is not among the checked ones`);
  const results: PairedResults = { scenario: load.scenario, rounds: settings.rounds, durationS: settings.durationS, connections: settings.connections, bursts: {}, missing: {} };
  const running: Array<{ id: string; server: ServerProcess }> = [];
  try {
    for (const contender of contenders) {
      const why = !ctx.selected(contender.id) ? NOT_SELECTED : ctx.tools.wrk ? await contender.unavailable(ctx.tools) : 'not installed: wrk';
      if (why) {
        results.missing[contender.id] = why;
        continue;
      }
      try {
        const port = await freePort();
        const server = await startServer({ command: pinned(ctx.tools, 'server', contender.command(ctx.tools, port)), port, readyPath: scenario.path });
        running.push({ id: contender.id, server });
        const wrong = await checkScenarios(port, load.checked);
        if (wrong) throw new Error(wrong);
        if (settings.warmupS > 0) await runWrk(ctx.tools, { port, path: scenario.path, durationS: settings.warmupS, connections: settings.connections });
        results.bursts[contender.id] = [];
      } catch (error) {
        results.missing[contender.id] = failureLine(error);
        ctx.log(`  paired ${contender.id} failed: ${failureLine(error)}`);
      }
    }
    const measured = running.filter(({ id }) => results.bursts[id] !== undefined);
    for (let round = 0; round < settings.rounds; round++) {
      for (const { id, server } of roundOrder(measured, round)) {
        const wrk = await runWrk(ctx.tools, { port: server.port, path: scenario.path, durationS: settings.durationS, connections: settings.connections });
        results.bursts[id]?.push(wrk.rps);
      }
      ctx.log(`  paired round ${round + 1} of ${settings.rounds}: ${measured.map(({ id }) => `${id} ${Math.round(results.bursts[id]?.at(-1) ?? 0)}`).join(', ')}`);
    }
  } finally {
    await Promise.all(running.map(({ server }) => server.stop()));
  }
  return results;
}
