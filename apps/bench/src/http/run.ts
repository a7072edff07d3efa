// Measures every available HTTP contender on every scenario, round-robin: each round starts each server
// once (in a rotated order), checks its answers, warms it up, runs wrk per scenario and reads its memory.
import { failureDetail, failureLine } from '../failure.js';
import { freePort } from '../env/free-port.js';
import { httpRequestOnce } from '../env/http-request.js';
import type { Memory } from '../env/proc.js';
import { startServer } from '../env/server-process.js';
import { SHOWN_PORT, showCommand } from '../env/show-command.js';
import { pinned } from '../env/tools.js';
import type { BarKind } from '../report/svg-bar-chart.js';
import { LUA_DIR } from '../paths.js';
import { NOT_SELECTED, type RunContext } from '../suite.js';
import type { HttpContender } from './contender.js';
import { SCENARIOS, type Scenario, type ScenarioId } from './scenarios.js';
import type { PairedResults } from './paired.js';
import { runWrk } from './wrk.js';

/** One wrk run of one scenario on one contender. */
export interface HttpRun {
  round: number;
  scenario: ScenarioId;
  rps: number;
  p50Us: number;
  p99Us: number;
  errors: number;
}

/** Everything measured for one contender. */
export interface HttpContenderResult {
  id: string;
  label: string;
  kind: BarKind;
  /** Why it was not run ('pending: …', 'not installed: …'), or null. */
  unavailable: string | null;
  /** Why it stopped part-way (a wrong answer, a crash), or null. */
  failure: string | null;
  /** How the server was started, as a shell line with $PORT (null when it was not). */
  command: string | null;
  runs: HttpRun[];
  /** Memory of the server's process tree at the end of each round. */
  memory: Memory[];
}

/** The HTTP suite's results. */
export interface HttpResults {
  /** The wrk command line, with $PORT and $PATH. */
  loadCommand: string;
  rounds: number;
  durationS: number;
  warmupS: number;
  connections: number;
  pinned: boolean;
  scenarios: Array<{ id: ScenarioId; title: string }>;
  contenders: HttpContenderResult[];
  /** The target contenders' paired bursts (absent in reports from before they existed). */
  paired?: PairedResults;
}

/**
 * The contenders' order in a round: rotated by the round number so no contender always runs first (or
 * right after the heaviest one).
 *
 * @example
 * roundOrder(['a', 'b', 'c'], 1); // ['b', 'c', 'a']
 */
export function roundOrder<T>(items: readonly T[], round: number): T[] {
  const shift = items.length === 0 ? 0 : round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

function loaded(http: HttpSettings): readonly Scenario[] {
  return http.load == null ? http.scenarios : http.scenarios.filter((s) => http.load?.includes(s.id));
}

/** Null when the server answers every scenario correctly, else the first wrong answer. */
export async function checkScenarios(port: number, scenarios: readonly Scenario[]): Promise<string | null> {
  for (const scenario of scenarios) {
    const response = await httpRequestOnce(port, scenario.path, {
      method: scenario.method,
      ...(scenario.bodyBytes > 0 && {
        body: Buffer.alloc(scenario.bodyBytes, 'x'),
        headers: { 'content-type': 'application/octet-stream' },
      }),
    });
    const wrong = scenario.check(response);
    if (wrong) return `wrong answer to ${scenario.method} ${scenario.path}: ${wrong}`;
  }
  return null;
}

/** How an HTTP comparison is run. */
export interface HttpSettings {
  /** Every scenario is checked on every contender. */
  scenarios: readonly Scenario[];
  /** The scenarios put under load (null: all of them). */
  load: readonly ScenarioId[] | null;
  rounds: number;
  durationS: number;
  warmupS: number;
  connections: number;
}

async function measureOnce(ctx: RunContext, http: HttpSettings, contender: HttpContender, result: HttpContenderResult, round: number): Promise<void> {
  const port = await freePort();
  const readyPath = http.scenarios[0]?.path ?? '/plaintext';
  const started = Date.now();
  const server = await startServer({ command: pinned(ctx.tools, 'server', contender.command(ctx.tools, port)), port, readyPath });
  ctx.log(`  ${contender.id}: answering after ${Date.now() - started} ms`);
  try {
    const wrong = await checkScenarios(port, http.scenarios);
    if (wrong) {
      result.failure = wrong;
      return;
    }
    const load = { port, connections: http.connections };
    for (const scenario of loaded(http)) {
      // Each scenario warms its own code path first: a JIT that has only seen GET /plaintext has not
      // compiled body reading or streaming, and every contender gets the same warm-up.
      const request = { ...load, path: scenario.path, method: scenario.method, bodyBytes: scenario.bodyBytes };
      if (http.warmupS > 0) await runWrk(ctx.tools, { ...request, durationS: http.warmupS });
      const wrk = await runWrk(ctx.tools, { ...load, path: scenario.path, method: scenario.method, bodyBytes: scenario.bodyBytes, durationS: http.durationS });
      result.runs.push({ round, scenario: scenario.id, rps: wrk.rps, p50Us: wrk.p50Us, p99Us: wrk.p99Us, errors: wrk.errors });
      ctx.log(`  ${contender.id} ${scenario.id}: ${Math.round(wrk.rps)} req/s, p99 ${wrk.p99Us} µs, ${wrk.errors} errors`);
    }
    const memory = server.memory();
    if (memory) result.memory.push(memory);
  } finally {
    await server.stop();
  }
}

/** Measures the contenders on the scenarios (the HTTP suite uses all five, with the profile's settings). */
export async function runHttp(
  ctx: RunContext,
  contenders: readonly HttpContender[],
  http: HttpSettings = { scenarios: SCENARIOS, ...ctx.profile.http },
): Promise<HttpResults> {
  const results: HttpContenderResult[] = [];
  for (const contender of contenders) {
    const unavailable = !ctx.selected(contender.id)
      ? NOT_SELECTED
      : ctx.tools.wrk
        ? await contender.unavailable(ctx.tools)
        : 'not installed: wrk';
    const command = unavailable ? null : showCommand(pinned(ctx.tools, 'server', contender.command(ctx.tools, SHOWN_PORT)));
    results.push({ id: contender.id, label: contender.label, kind: contender.kind, unavailable, failure: null, command, runs: [], memory: [] });
    if (unavailable) ctx.log(`  ${contender.id}: ${unavailable}`);
  }
  for (let round = 0; round < http.rounds; round++) {
    ctx.log(`http: round ${round + 1} of ${http.rounds}`);
    for (const index of roundOrder(contenders.map((_, i) => i), round)) {
      const contender = contenders[index] as HttpContender;
      const result = results[index] as HttpContenderResult;
      if (result.unavailable || result.failure) continue;
      try {
        await measureOnce(ctx, http, contender, result, round);
      } catch (error) {
        result.failure = failureLine(error);
        ctx.log(`  ${contender.id} failed: ${failureDetail(error)}`);
      }
    }
  }
  const wrk = pinned(ctx.tools, 'load', {
    file: ctx.tools.wrk ?? 'wrk',
    args: [`-t1`, `-c${http.connections}`, `-d${http.durationS}s`, '--timeout', '5s', '-s', `${LUA_DIR}/wrk.lua`, `http://127.0.0.1:${SHOWN_PORT}/PATH`],
  });
  return {
    loadCommand: showCommand(wrk).replace('/PATH', '$PATH'),
    rounds: http.rounds,
    durationS: http.durationS,
    warmupS: http.warmupS,
    connections: http.connections,
    pinned: ctx.tools.taskset != null && ctx.tools.cores >= 2,
    scenarios: loaded(http).map(({ id, title }) => ({ id, title })),
    contenders: results,
  };
}
