// A load-generating Node process (pinned to the load core) whose stdout is JSON lines.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { withFdLimit } from './fd-limit.js';
import { pinned, type Tools } from './tools.js';

/** A running load process. */
export interface LoadProcess {
  /** The next JSON line it prints. */
  nextLine(): Promise<unknown>;
  /** Writes a line to its stdin. */
  say(text: string): void;
  /** Resolves when it exits; rejects if it exits non-zero. */
  done: Promise<void>;
  kill(): void;
}

/** Starts `node file ...args` on the load core with a raised descriptor limit. */
export function startLoadProcess(tools: Tools, file: string, args: readonly string[], fdLimit = 65_536): LoadProcess {
  const command = pinned(tools, 'load', withFdLimit({ file: process.execPath, args: [file, ...args] }, fdLimit));
  const child = spawn(command.file, command.args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-4000);
  });
  const lines: string[] = [];
  const waiting: Array<(line: string | null) => void> = [];
  let closed = false;
  createInterface({ input: child.stdout })
    .on('line', (line) => {
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    })
    .on('close', () => {
      closed = true;
      for (const waiter of waiting.splice(0)) waiter(null);
    });
  const done = new Promise<void>((resolve, reject) => {
    child.once('exit', (code, signal) => {
      if (code === 0 || signal === 'SIGTERM') resolve();
      else reject(new Error(`${file} exited with ${code ?? signal}: ${stderr.trim()}`));
    });
  });
  // Rejections are surfaced through nextLine() or an awaited done; do not let them go unhandled.
  done.catch(() => undefined);
  return {
    async nextLine() {
      const line = lines.shift() ?? (closed ? null : await new Promise<string | null>((resolve) => waiting.push(resolve)));
      if (line == null) {
        await done;
        throw new Error(`${file} ended without printing a result`);
      }
      return JSON.parse(line) as unknown;
    },
    say(text) {
      child.stdin.write(`${text}\n`);
    },
    done,
    kill() {
      child.kill('SIGTERM');
    },
  };
}
