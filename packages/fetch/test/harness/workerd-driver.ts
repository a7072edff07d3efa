// A conformance Driver for Cloudflare Workers: each probe runs in its own workerd (via Miniflare)
// behind workerd's HTTP server on 127.0.0.1. The worker's journal is pulled over HTTP: after
// startup and shutdown, and while a case waits on an entry.
import type { AsyncApp } from '@tsgi/async';
import { createHttpClient } from '@tsgi/conformance/node';
import type { CaseId, Driver, Journal, Served } from '@tsgi/conformance';
import type { SyncApp } from '@tsgi/sync';
import { readFile } from 'node:fs/promises';
import { Miniflare } from 'miniflare';
import type { JournalEntry } from '@tsgi/conformance';
import { bundleEntry, removeBundle } from './bundle.js';
import { identifyProbe } from './probe-identity.js';
import { openSocket } from './ws-client.js';

/** Workers settings the tests run with; docs/deploy/fetch-runtimes.md shows the same in wrangler.toml. */
export const WORKERS_COMPATIBILITY = {
  compatibilityDate: '2025-09-01',
  // request.signal reports client disconnects only with this flag.
  compatibilityFlags: ['enable_request_signal'],
};

const POLL_MS = 20;

export function createWorkerdDriver(unsupported: Partial<Record<CaseId, string>>): Driver & { close(): Promise<void> } {
  let script: Promise<string> | undefined;
  const running = new Set<Miniflare>();
  return {
    name: 'workerd',
    unsupported,
    async start(app: SyncApp | AsyncApp, { interface: kind }): Promise<Served> {
      const { journal, options } = identifyProbe(app);
      const output: string[] = [];
      const mf = new Miniflare({
        modules: true,
        // The source, not its path: workerd refuses module paths that climb out of the cwd.
        script: await (script ??= bundleEntry('workerd-entry', 'browser').then(async (path) => {
          const source = await readFile(path, 'utf8');
          await removeBundle(path);
          return source;
        })),
        bindings: { PROBE: JSON.stringify({ op: 'start', id: 0, kind, options }) },
        host: '127.0.0.1',
        port: 0,
        ...WORKERS_COMPATIBILITY,
        // workerd's own output (the app's logged errors included) stays out of the test's console.
        handleRuntimeStdio: (stdout, stderr) => {
          for (const stream of [stdout, stderr]) stream.on('data', (chunk: Buffer) => output.push(chunk.toString()));
        },
      });
      running.add(mf);
      const baseUrl = (await mf.ready).origin;
      const control = async (command: string, query = ''): Promise<Response> =>
        fetch(`${baseUrl}/${query}`, { headers: { 'x-tsgi-harness': command } });
      let seen = 0;
      const pull = async (): Promise<void> => {
        const entries = (await (await control('journal', `?since=${seen}`)).json()) as JournalEntry[];
        seen += entries.length;
        for (const e of entries) journal.record(e.name, e.token, e.data);
      };
      const dispose = async (): Promise<void> => {
        running.delete(mf);
        if (process.env.TSGI_DEBUG) process.stdout.write(output.join(""));
        await mf.dispose();
      };
      const started = await control('startup');
      await pull();
      if (!started.ok) {
        const message = `${await started.text()}\n${output.join('')}`;
        await dispose();
        throw new Error(message);
      }
      pollWhileWaiting(journal, pull);
      const served: Served = {
        baseUrl,
        request: createHttpClient(baseUrl),
        websocket: (target, opts) => openSocket(baseUrl, target, opts),
        // No lifespan shutdown: Workers never signal the end of an isolate (see unsupported).
        stop: async () => {
          await pull();
          await dispose();
        },
      };
      return served;
    },
    async close() {
      await Promise.all([...running].map((mf) => mf.dispose()));
    },
  };
}

/** Makes journal.waitFor pull the worker's entries every POLL_MS until it settles (its own deadline). */
function pollWhileWaiting(journal: Journal, pull: () => Promise<void>): void {
  const waitFor = journal.waitFor.bind(journal);
  journal.waitFor = (...args: Parameters<Journal['waitFor']>) => {
    let waiting = true;
    void (async () => {
      while (waiting) {
        await pull().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    })();
    return waitFor(...args).finally(() => {
      waiting = false;
    });
  };
}
