// Real clients against the real `tsgi` CLI: Debian's Python (httpx, requests, websockets are Debian
// packages, so /usr/bin/python3, not whatever python3 PATH finds) and curl, each run as a process.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { spawnCli, type CliProcess } from '../support/cli-process.js';

const PYTHON = '/usr/bin/python3';
const HERE = import.meta.dirname;

/** The two fixture apps every client test runs against. */
export const APPS = {
  sync: 'client-sync-app.ts:app',
  async: 'client-async-app.ts:app',
} as const;

/** Serves a fixture on 127.0.0.1, on a free port, with `args`. */
export function serveFixture(app: string, args: string[] = []): Promise<CliProcess> {
  return spawnCli(['serve', app, '--port', '0', ...args]);
}

/** Stops every server given, whether or not it started. */
export async function stopAll(...servers: Array<CliProcess | undefined>): Promise<void> {
  await Promise.all(servers.map(async (server) => {
    await server?.stop();
  }));
}

/** What a process printed, and how it ended. */
export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program to completion; never rejects, so tests can assert on failures too. */
export function run(file: string, args: string[], timeoutMs = 30_000): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'buffer' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: stdout.toString('latin1'), stderr: stderr.toString() });
    });
  });
}

/** Runs test/clients/`script` with one JSON argument; resolves with the JSON it printed. */
export async function runPython<T = Record<string, unknown>>(script: string, config: unknown): Promise<T> {
  const ran = await run(PYTHON, [join(HERE, script), JSON.stringify(config)], 60_000);
  if (ran.code !== 0) throw new Error(`${script} exited ${ran.code}:\n${ran.stderr}`);
  return JSON.parse(Buffer.from(ran.stdout, 'latin1').toString('utf8')) as T;
}

/** Runs curl with `args` (silent, errors shown); stdout is latin-1, one character per byte. */
export function curl(args: string[]): Promise<Ran> {
  return run('curl', ['-sS', '--max-time', '20', ...args]);
}
