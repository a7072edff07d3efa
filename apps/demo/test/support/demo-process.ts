// A demo running as a child process (tsgi serve, Express under tsx, Deno, Bun): started once per test
// file, ready when it prints its URL, stopped with SIGTERM in afterAll.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { RunningDemo } from './demo-target.js';

/** Keeps Deno and Bun off the network and quiet; nothing else from the test's environment leaks in. */
const QUIET_ENV = {
  DENO_NO_UPDATE_CHECK: '1',
  DENO_NO_PROMPT: '1',
  NO_COLOR: '1',
  BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0',
  DO_NOT_TRACK: '1',
};

const URL_LINE = /(http:\/\/127\.0\.0\.1:\d+(?:\/\S*)?)/;
const START_MS = 45_000;
const STOP_MS = 10_000;

/** How to run one process. */
export interface ProcessSpec {
  command: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
}

/**
 * Spawns the process and resolves once a line shows `http://127.0.0.1:PORT/...`; that URL, with a
 * trailing '/', is the demo's base URL (its path is '/demo/' under Express). Rejects with the output when it exits or takes too long.
 *
 * @example
 * const demo = await startDemoProcess({ command: bun, args: ['dist/bun.js'], cwd, env: { PORT: '0' } });
 */
export async function startDemoProcess(spec: ProcessSpec): Promise<RunningDemo> {
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...QUIET_ENV, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: the npm launchers of deno and bun run the real binary as a child, which
    // a signal to the launcher alone would leave running.
    detached: true,
  });
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), name);
    } catch {
      // The group is already gone.
    }
  };
  const output: string[] = [];
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not print its URL within ${START_MS} ms`), START_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      signal('SIGKILL');
      reject(new Error(`${spec.command} ${spec.args.join(' ')} ${why}; output:\n${output.join('\n')}`));
    };
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        const found = URL_LINE.exec(line)?.[1];
        if (found === undefined) return;
        clearTimeout(timer);
        resolve(found.endsWith('/') ? found : `${found}/`);
      });
    }
    child.once('error', (error) => fail(`failed to start: ${error.message}`));
    void exited.then(([code, signal]) => fail(`exited (${String(code ?? signal)})`));
  });
  return {
    baseUrl: url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), STOP_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
