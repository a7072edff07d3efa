// Runs the real `tsgi` CLI (dist/cli.js) as a child process and talks to it over 127.0.0.1:
// log lines are awaited, never slept for; every process is killed (its whole group) after each test.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request, type Agent, type IncomingHttpHeaders } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

export const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

const running = new Set<Tsgi>();
afterEach(async () => {
  await Promise.all([...running].map((tsgi) => tsgi.kill()));
});

/** A running `tsgi serve` process. */
export interface Tsgi {
  child: ChildProcess;
  /** Every stderr line so far. */
  lines: string[];
  stdout: string[];
  /** Resolves with the first stderr line (from index `from`) matching `pattern`. */
  waitFor(pattern: RegExp, options?: { from?: number; timeoutMs?: number }): Promise<RegExpMatchArray>;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  signal(name: NodeJS.Signals): void;
  /** SIGKILLs the process group (cleanup). */
  kill(): Promise<void>;
}

/**
 * Starts `node dist/cli.js serve ...args` (port 0 unless args say otherwise).
 *
 * @example
 * const tsgi = start([fixture('faults.js'), '--workers', '2']);
 * const url = await ready(tsgi);
 */
export function start(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Tsgi {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run pnpm --filter @tsgi/server build first`);
  const portGiven = args.some((arg) => arg === '--port' || arg.startsWith('--port=') || arg === '--uds');
  const child = spawn(process.execPath, [CLI, 'serve', ...args, ...(portGiven ? [] : ['--port', '0'])], {
    cwd: options.cwd ?? PACKAGE,
    env: { ...process.env, NODE_OPTIONS: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  const stdout: string[] = [];
  const waiters = new Set<() => void>();
  collect(child.stderr, (line) => {
    lines.push(line);
    for (const wake of waiters) wake();
  });
  collect(child.stdout, (line) => stdout.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => {
    gone = true;
    for (const wake of waiters) wake();
  });
  const tsgi: Tsgi = {
    child,
    lines,
    stdout,
    exited,
    waitFor(pattern, { from = 0, timeoutMs = 20_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          for (let i = from; i < lines.length; i++) {
            const match = pattern.exec(lines[i] ?? '');
            if (match) return done(() => resolve(match));
          }
          if (gone) done(() => reject(new Error(`tsgi exited before logging ${pattern}:\n${lines.join('\n')}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no log line matched ${pattern} within ${timeoutMs} ms:\n${lines.join('\n')}`))), timeoutMs);
        const done = (settle: () => void): void => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
    signal(name) {
      child.kill(name);
    },
    async kill() {
      running.delete(tsgi);
      if (!gone && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
        await exited;
      }
    },
  };
  running.add(tsgi);
  return tsgi;
}

/** Waits for the supervisor's readiness line; returns the URL every worker listens on. */
export async function ready(tsgi: Tsgi, timeoutMs = 30_000): Promise<string> {
  const match = await tsgi.waitFor(/ready: \d+ workers? listening on (\S+)/, { timeoutMs });
  return match[1] ?? '';
}

function collect(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (text: string) => {
    const parts = (partial + text).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) onLine(line);
  });
}

/** One HTTP response, body as text. */
export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/**
 * GET (or another method) with a fresh connection unless an agent is given.
 *
 * @example
 * const { status, text } = await fetchText(`${url}/slow?ms=100`);
 */
export function fetchText(url: string, options: { method?: string; agent?: Agent; body?: string | Uint8Array; timeoutMs?: number } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', agent: options.agent ?? false, timeout: options.timeoutMs ?? 20_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${url}: no response within the timeout`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Parses a fixture's JSON reply. */
export async function fetchJson<T = Record<string, unknown>>(url: string, options?: Parameters<typeof fetchText>[1]): Promise<T & { status: number }> {
  const reply = await fetchText(url, options);
  return { ...(JSON.parse(reply.text) as T), status: reply.status };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
