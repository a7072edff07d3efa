// WebSocket: echo messages per second with a ping-pong client, and the server's memory per idle
// connection with many connections open. Servers take turns per round, like the HTTP suite.
import { failureDetail, failureLine } from '../failure.js';
import { freePort } from '../env/free-port.js';
import { startLoadProcess } from '../env/load-process.js';
import { startServer } from '../env/server-process.js';
import { withFdLimit } from '../env/fd-limit.js';
import { pinned } from '../env/tools.js';
import { roundOrder } from '../http/run.js';
import type { HttpContender } from '../http/contender.js';
import { distFile } from '../paths.js';
import type { BarKind } from '../report/svg-bar-chart.js';
import { NOT_SELECTED, type RunContext } from '../suite.js';

/** One WebSocket server's results. */
export interface WsContenderResult {
  id: string;
  label: string;
  kind: BarKind;
  unavailable: string | null;
  failure: string | null;
  /** Echo messages per second, one per round. */
  echo: number[];
  /** Server memory growth per idle connection in bytes, one per round. */
  bytesPerConnection: number[];
}

/** The WebSocket suite's results. */
export interface WsResults {
  rounds: number;
  durationS: number;
  clients: number;
  idleConnections: number;
  contenders: WsContenderResult[];
}

interface EchoLine {
  messages: number;
  seconds: number;
}

async function measureOnce(ctx: RunContext, contender: HttpContender, result: WsContenderResult, withIdle: boolean): Promise<void> {
  const { ws } = ctx.profile;
  const port = await freePort();
  const fdLimit = ws.idleConnections * 2 + 1024;
  const server = await startServer({ command: pinned(ctx.tools, 'server', withFdLimit(contender.command(ctx.tools, port), fdLimit)), port });
  try {
    const echo = startLoadProcess(ctx.tools, distFile('ws/client'), ['echo', String(port), String(ws.clients), String(ws.durationS)]);
    const line = (await echo.nextLine()) as EchoLine;
    await echo.done;
    result.echo.push(line.messages / line.seconds);
    ctx.log(`  ${contender.id}: ${Math.round(line.messages / line.seconds)} msg/s`);
    // Memory per idle connection barely varies between rounds and opening thousands of connections
    // takes a while: measured in the first round only.
    if (!withIdle) return;
    const before = server.memory()?.rss ?? 0;
    const idle = startLoadProcess(ctx.tools, distFile('ws/client'), ['idle', String(port), String(ws.idleConnections)], fdLimit);
    try {
      const opened = (await idle.nextLine()) as { open: number };
      const after = server.memory()?.rss ?? 0;
      result.bytesPerConnection.push((after - before) / opened.open);
      idle.say('close');
      await idle.done;
    } finally {
      idle.kill();
    }
    ctx.log(`  ${contender.id}: ${Math.round(result.bytesPerConnection.at(-1) ?? 0)} B per idle connection`);
  } finally {
    await server.stop();
  }
}

/** Runs the WebSocket suite. */
export async function runWs(ctx: RunContext, contenders: readonly HttpContender[]): Promise<WsResults> {
  const { ws } = ctx.profile;
  const results: WsContenderResult[] = [];
  for (const contender of contenders) {
    const unavailable = ctx.selected(contender.id) ? await contender.unavailable(ctx.tools) : NOT_SELECTED;
    results.push({ id: contender.id, label: contender.label, kind: contender.kind, unavailable, failure: null, echo: [], bytesPerConnection: [] });
  }
  for (let round = 0; round < ws.rounds; round++) {
    for (const index of roundOrder(contenders.map((_, i) => i), round)) {
      const result = results[index] as WsContenderResult;
      if (result.unavailable || result.failure) continue;
      try {
        await measureOnce(ctx, contenders[index] as HttpContender, result, round === 0);
      } catch (error) {
        result.failure = failureLine(error);
        ctx.log(`  ${result.id} failed: ${failureDetail(error)}`);
      }
    }
  }
  return { rounds: ws.rounds, durationS: ws.durationS, clients: ws.clients, idleConnections: ws.idleConnections, contenders: results };
}
