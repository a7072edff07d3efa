// One micro-benchmark contender in its own process (spawned by run-micro.ts): a fresh V8 isolate per
// contender, so no contender's code shares type feedback, JIT state or garbage with another's.
//   node worker.js SUITE ID
import { prepareRouter } from '../router/prepare.js';
import { prepareServerless } from '../serverless/prepare.js';
import { calibrate, cpuClock, hrClock, opsPerSecond, timeBatch, type Batch, type Clock } from './micro.js';
import type { ParentMessage, WorkerMessage } from './protocol.js';
import type { Prepare } from './subject.js';

const SUITES: Record<string, Prepare> = { router: prepareRouter, serverless: prepareServerless };

// Lambda handlers and route lookups do no I/O and set no timers, so CPU time is their work; on a
// shared machine it leaves out the time other processes held the core (each Lambda environment has
// its CPU to itself anyway). Every contender of a suite is timed on the same clock.
const CLOCKS: Record<string, Clock> = { serverless: cpuClock, router: cpuClock };

function send(message: WorkerMessage): void {
  process.send?.(message);
}

let sink = 0;

async function warmup(batch: Batch, ms: number, clock: Clock): Promise<void> {
  const deadline = Date.now() + ms;
  const size = await calibrate(batch, Math.max(1, ms / 20), clock);
  while (Date.now() < deadline) sink += await batch(size);
}

async function main(): Promise<void> {
  const [suite, id] = process.argv.slice(2);
  const prepare = SUITES[suite ?? ''];
  if (prepare == null || id == null) throw new Error(`usage: worker.js SUITE ID (suites: ${Object.keys(SUITES).join(', ')})`);
  const prepared = await prepare(id).catch((error: unknown) => ({ problem: error instanceof Error ? error.message : String(error) }));
  if (prepared.problem != null) {
    send({ type: 'ready', problem: prepared.problem, groups: [] });
    return;
  }
  const { batches, warmupOperations = 0 } = prepared as { batches: Record<string, Batch>; warmupOperations?: number };
  const sizes = new Map<string, number>();
  const clock = CLOCKS[suite ?? ''] ?? hrClock;
  send({ type: 'ready', problem: null, groups: Object.keys(batches) });
  // One message at a time: the parent waits for each answer before sending the next.
  process.on('message', (message: ParentMessage) => {
    void (async () => {
      if (message.type === 'exit') {
        send({ type: 'done', sink });
        process.disconnect();
        return;
      }
      const batch = batches[message.group] as Batch;
      if (message.type === 'warmup') {
        if (warmupOperations > 0) sink += await batch(warmupOperations);
        await warmup(batch, message.ms, clock);
        sizes.set(message.group, await calibrate(batch, message.sampleMs, clock));
        send({ type: 'warm' });
        return;
      }
      const timing = await timeBatch(batch, sizes.get(message.group) ?? (await calibrate(batch, message.ms, clock)), clock);
      sink += timing.sink;
      send({ type: 'sample', opsPerSecond: opsPerSecond(timing) });
    })();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
