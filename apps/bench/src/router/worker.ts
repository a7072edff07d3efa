// One router in its own process (spawned by run.ts): a fresh V8 isolate per router, so one router's
// code never shares type feedback, JIT state or garbage with another's. Talks to the parent over IPC.
import type { BuiltRouter } from './adapter.js';
import { ROUTER_ADAPTERS } from './adapters.js';
import { lookupBatch } from './batch.js';
import { checkRouter } from './check.js';
import { calibrate, opsPerSecond, timeBatch, type Batch } from './micro.js';
import { LOOKUPS, ROUTES, type LookupGroup } from './routes.js';
import type { ParentMessage, WorkerMessage } from './protocol.js';

function send(message: WorkerMessage): void {
  process.send?.(message);
}

let sink = 0;

async function main(): Promise<void> {
  const adapter = ROUTER_ADAPTERS.find((a) => a.id === process.argv[2]);
  if (adapter == null) throw new Error(`unknown router ${process.argv[2]}`);
  let router: BuiltRouter;
  try {
    router = await adapter.build(ROUTES);
  } catch (error) {
    send({ type: 'ready', problem: `cannot hold the table: ${error instanceof Error ? error.message : String(error)}` });
    return;
  }
  const groups = Object.keys(LOOKUPS) as LookupGroup[];
  const problem = checkRouter(router, groups.flatMap((group) => LOOKUPS[group]));
  const batches = new Map<LookupGroup, Batch>(groups.map((group) => [group, lookupBatch(router.lookup, LOOKUPS[group])]));
  const sizes = new Map<LookupGroup, number>();
  send({ type: 'ready', problem });
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'exit') {
      send({ type: 'done', sink });
      process.disconnect();
      return;
    }
    const batch = batches.get(message.group) as Batch;
    if (message.type === 'warmup') {
      const deadline = Date.now() + message.ms;
      while (Date.now() < deadline) sink += batch(10_000);
      sizes.set(message.group, calibrate(batch, message.sampleMs));
      send({ type: 'warm' });
      return;
    }
    const timing = timeBatch(batch, sizes.get(message.group) ?? calibrate(batch, message.ms));
    sink += timing.sink;
    send({ type: 'sample', opsPerSecond: opsPerSecond(timing) });
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
