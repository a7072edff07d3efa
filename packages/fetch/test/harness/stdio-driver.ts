// A conformance Driver for a runtime in a child process (Deno, Bun): the probe runs there, behind
// a real server of that runtime on 127.0.0.1; requests and WebSockets go over real sockets.
import type { AsyncApp } from '@tsgi/async';
import { createHttpClient } from '@tsgi/conformance/node';
import type { CaseId, Driver, Served } from '@tsgi/conformance';
import type { SyncApp } from '@tsgi/sync';
import type { Reply } from '../fixtures/remote-probe.js';
import { bundleEntry, removeBundle } from './bundle.js';
import { identifyProbe } from './probe-identity.js';
import { RuntimeProcess } from './runtime-process.js';
import { openSocket } from './ws-client.js';

export interface StdioDriverOptions {
  name: string;
  /** The fixture entry to bundle, e.g. 'deno-entry'. */
  entry: string;
  /** The command line that runs the bundle. */
  command: (bundle: string) => [string, ...string[]];
  unsupported: Partial<Record<CaseId, string>>;
  /** Whether the runtime upgrades WebSockets (Served.websocket is offered). */
  websocket: boolean;
}

/** A driver plus `close()`, which the test file calls in afterAll. */
export function createStdioDriver(options: StdioDriverOptions): Driver & { close(): Promise<void> } {
  let runtime: Promise<RuntimeProcess> | undefined;
  let bundle: string | undefined;
  let nextId = 0;
  const launch = async (): Promise<RuntimeProcess> => {
    bundle = await bundleEntry(options.entry);
    const [command, ...args] = options.command(bundle);
    return new RuntimeProcess(command, args, bundle);
  };
  return {
    name: options.name,
    unsupported: options.unsupported,
    async start(app: SyncApp | AsyncApp, { interface: kind }): Promise<Served> {
      const child = await (runtime ??= launch());
      const { journal, options: probeOptions } = identifyProbe(app);
      const id = ++nextId;
      const unlisten = child.listen((reply) => {
        if (reply.op === 'journal' && reply.id === id) journal.record(reply.entry.name, reply.entry.token, reply.entry.data);
      });
      const answer = await child.ask({ op: 'start', id, kind, options: probeOptions }, (r): r is Extract<Reply, { op: 'started' | 'failed' }> => r.op === 'started' || r.op === 'failed');
      if (answer.op === 'failed') {
        unlisten();
        throw new Error(answer.message);
      }
      const baseUrl = `http://127.0.0.1:${answer.port}`;
      const served: Served = {
        baseUrl,
        request: createHttpClient(baseUrl),
        stop: async () => {
          await child.ask({ op: 'stop', id }, (r): r is Extract<Reply, { op: 'stopped' }> => r.op === 'stopped');
          unlisten();
        },
      };
      if (options.websocket) served.websocket = (target, opts) => openSocket(baseUrl, target, opts);
      return served;
    },
    async close() {
      if (runtime) await (await runtime).close();
      if (bundle) await removeBundle(bundle);
    },
  };
}
