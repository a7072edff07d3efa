// A runtime (deno, bun) running a bundled entry as a child process, spoken to over stdio: JSON
// commands in, MARK-prefixed JSON replies out. Started once per test file, killed in afterAll.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { MARK, type Command, type Reply } from '../fixtures/remote-probe.js';

/** Environment that keeps Deno and Bun off the network and quiet (no update checks, no prompts). */
export const OFFLINE_ENV = {
  DENO_NO_UPDATE_CHECK: '1',
  DENO_NO_PROMPT: '1',
  NO_COLOR: '1',
  BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0',
  DO_NOT_TRACK: '1',
};

/** A child runtime process and its reply stream. */
export class RuntimeProcess {
  readonly #child: ChildProcess;
  readonly #listeners = new Set<(reply: Reply) => void>();
  readonly #stderr: string[] = [];
  readonly #exited: Promise<unknown>;

  constructor(command: string, args: string[], bundle: string) {
    this.#child = spawn(command, args, {
      cwd: dirname(bundle),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...OFFLINE_ENV },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.#exited = once(this.#child, 'exit');
    createInterface({ input: this.#child.stdout! }).on('line', (line) => {
      if (!line.startsWith(MARK)) return;
      const reply = JSON.parse(line.slice(MARK.length)) as Reply;
      for (const listener of this.#listeners) listener(reply);
    });
    createInterface({ input: this.#child.stderr! }).on('line', (line) => {
      this.#stderr.push(line);
      if (this.#stderr.length > 200) this.#stderr.shift();
    });
  }

  /** Calls `listener` with every reply until the returned function is called. */
  listen(listener: (reply: Reply) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Sends a command and resolves with the first reply for its id that `accept` takes. */
  ask<R extends Reply>(command: Command, accept: (reply: Reply) => reply is R, timeoutMs = 15_000): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`no reply to ${JSON.stringify(command)} within ${timeoutMs} ms; stderr:\n${this.#stderr.join('\n')}`));
      }, timeoutMs);
      const stop = this.listen((reply) => {
        if (reply.id !== command.id || !accept(reply)) return;
        clearTimeout(timer);
        stop();
        resolve(reply);
      });
      this.#exited.then(() => {
        clearTimeout(timer);
        stop();
        reject(new Error(`the runtime exited; stderr:\n${this.#stderr.join('\n')}`));
      }, reject);
      this.#child.stdin!.write(`${JSON.stringify(command)}\n`);
    });
  }

  /** What the runtime wrote to stderr lately (for failure messages). */
  get stderr(): string {
    return this.#stderr.join('\n');
  }

  /** Ends the process and waits for it to exit. */
  async close(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    this.#child.stdin!.end();
    this.#child.kill('SIGTERM');
    await this.#exited;
  }
}
