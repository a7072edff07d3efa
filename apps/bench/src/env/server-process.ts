// Starts a server under test as its own process, waits until it answers, and stops it for sure.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { ServerStartError } from '../errors.js';
import { httpRequestOnce } from './http-request.js';
import { isRunning, processTree, treeMemory, type Memory } from './proc.js';
import type { Command } from './tools.js';

/** A running server. */
export interface ServerProcess {
  pid: number;
  port: number;
  /** Memory of the server and the processes it started. */
  memory(): Memory | null;
  /** The last output lines, for error messages. */
  output(): string;
  /** Sends a signal to the server process. */
  signal(name: NodeJS.Signals): void;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** How to start a server and tell that it is ready. */
export interface ServerSpec {
  command: Command;
  port: number;
  cwd?: string;
  env?: Record<string, string>;
  /** A GET path that answers 2xx once the server is up. @default '/plaintext' */
  readyPath?: string;
  /** @default 20000 */
  readyTimeoutMs?: number;
}

function tail(lines: string[], text: string): void {
  lines.push(...text.split('\n').filter(Boolean));
  if (lines.length > 40) lines.splice(0, lines.length - 40);
}

async function waitReady(child: ChildProcess, spec: ServerSpec, output: () => string): Promise<void> {
  const deadline = Date.now() + (spec.readyTimeoutMs ?? 20_000);
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode != null || child.signalCode != null) {
      throw new ServerStartError(`server exited (${child.exitCode ?? child.signalCode}) before answering`, output());
    }
    try {
      const res = await httpRequestOnce(spec.port, spec.readyPath ?? '/plaintext', { timeoutMs: 2000 });
      if (res.status >= 200 && res.status < 300) return;
      lastError = new Error(`readiness probe answered ${res.status}`);
    } catch (error) {
      lastError = error;
    }
    // Polling with a deadline: the server gives no other signal that it is listening.
    await delay(50);
  }
  throw new ServerStartError(`server did not answer within ${spec.readyTimeoutMs ?? 20_000} ms`, output(), { cause: lastError });
}

function signalAll(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const target of pids) {
    try {
      process.kill(target, signal);
    } catch {
      // already gone
    }
  }
}

/** Spawns the server and resolves once it answers its ready path. */
export async function startServer(spec: ServerSpec): Promise<ServerProcess> {
  const child = spawn(spec.command.file, spec.command.args, {
    cwd: spec.cwd,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(spec.port), ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  child.stdout?.setEncoding('utf8').on('data', (text: string) => tail(lines, text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => tail(lines, text));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const spawned = await Promise.race([once(child, 'spawn').then(() => null), once(child, 'error').then(([error]) => error as Error)]);
  if (spawned) throw new ServerStartError(`cannot start ${spec.command.file}: ${spawned.message}`, '', { cause: spawned });
  const pid = child.pid as number;
  const output = () => lines.join('\n');
  const server: ServerProcess = {
    pid,
    port: spec.port,
    memory: () => treeMemory(pid),
    output,
    signal: (name) => {
      child.kill(name);
    },
    exited,
    async stop(graceMs = 5000) {
      if (child.exitCode != null || child.signalCode != null) {
        child.stdout?.destroy();
        child.stderr?.destroy();
        return;
      }
      // Signal the whole tree: a launcher that does not exec, or a master with workers, must not
      // leave a server running (and holding our pipes open) after this resolves.
      const tree = processTree(pid);
      signalAll(tree, 'SIGTERM');
      const timer = setTimeout(() => signalAll(processTree(pid).concat(tree), 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      signalAll(tree.slice(1), 'SIGKILL');
      // Wait (bounded) until the descendants are gone too, so the next server never shares the core
      // with a dying one.
      const deadline = Date.now() + 5000;
      while (tree.some(isRunning) && Date.now() < deadline) await delay(20);
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
  };
  try {
    await waitReady(child, spec, output);
  } catch (error) {
    await server.stop(1000);
    throw error;
  }
  return server;
}
