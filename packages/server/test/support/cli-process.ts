// Runs the real `tsgi` bin (dist/cli.js) as a child process and watches its output.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';

export const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** A running `tsgi serve`. */
export interface CliProcess {
  child: ChildProcess;
  /** From the "listening on" line. */
  url: string;
  port: number;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout/stderr text matching. */
  output(pattern: RegExp, stream?: 'stdout' | 'stderr', timeoutMs?: number): Promise<string>;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

/** A port free at the time of asking, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Spawns `node dist/cli.js ...args`; with `listening`, waits for the startup line. */
export function spawnCli(args: string[], options: { env?: Record<string, string>; cwd?: string; listening?: boolean } = {}): Promise<CliProcess> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? FIXTURES,
    env: { ...process.env, NODE_OPTIONS: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const text = { stdout: '', stderr: '' };
  const watchers: Array<() => void> = [];
  const wake = (): void => {
    for (const watcher of watchers.splice(0)) watcher();
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    text.stdout += chunk.toString();
    wake();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text.stderr += chunk.toString();
    wake();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      // 'exit' can come before the last output is read from the pipes (it did under CI load): wait
      // for both to end, at most 2 s (a worker that outlived its master would hold them open).
      const drained = Promise.all([child.stdout, child.stderr].map((stream) => (stream ? finished(stream).catch(() => undefined) : Promise.resolve())));
      let timer: NodeJS.Timeout | undefined;
      const capped = new Promise<void>((done) => (timer = setTimeout(done, 2000).unref()));
      void Promise.race([drained, capped]).then(() => {
        clearTimeout(timer);
        wake();
        resolve(code);
      });
    }),
  );
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const output = async (pattern: RegExp, stream?: 'stdout' | 'stderr', timeoutMs = 10_000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const haystack = stream ? text[stream] : `${text.stdout}${text.stderr}`;
      const match = pattern.exec(haystack);
      if (match) return match[0];
      const left = deadline - Date.now();
      if (left <= 0 || exitCode !== undefined) {
        throw new Error(`no output matched ${pattern} (exit ${String(exitCode)}); stdout:\n${text.stdout}\nstderr:\n${text.stderr}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        watchers.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };

  const cli: CliProcess = {
    child,
    url: '',
    port: 0,
    stdout: () => text.stdout,
    stderr: () => text.stderr,
    output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (exitCode === undefined) child.kill(signal);
      return exited;
    },
  };
  if (options.listening === false) return Promise.resolve(cli);
  return output(/listening on (\S+)/, 'stderr', 30_000).then(
    (line) => {
      const url = line.replace('listening on ', '');
      return { ...cli, url, port: Number(/:(\d+)$/.exec(url)?.[1] ?? 0) };
    },
    async (error: unknown) => {
      await cli.stop('SIGKILL');
      throw error;
    },
  );
}

/** Runs the bin to completion. */
export async function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = await spawnCli(args, { ...options, listening: false });
  const code = await cli.exited;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}
