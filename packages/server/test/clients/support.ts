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

/** Runs a program to completion, `input` on its stdin; never rejects, so tests can assert on failures. */
export function run(file: string, args: string[], options: { timeoutMs?: number; input?: string } = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { timeout: options.timeoutMs ?? 30_000, maxBuffer: 64 * 1024 * 1024, encoding: 'buffer' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: stdout.toString('latin1'), stderr: stderr.toString() });
    });
    child.stdin?.end(options.input ?? '');
  });
}

/** Runs test/clients/`script` with one JSON argument; resolves with the JSON it printed. */
export async function runPython<T = Record<string, unknown>>(script: string, config: unknown): Promise<T> {
  const ran = await run(PYTHON, [join(HERE, script), JSON.stringify(config)], { timeoutMs: 60_000 });
  if (ran.code !== 0) throw new Error(`${script} exited ${ran.code}:\n${ran.stderr}`);
  return JSON.parse(Buffer.from(ran.stdout, 'latin1').toString('utf8')) as T;
}

/** What curl printed: the body, and the status and HTTP version of the response. */
export interface Curled extends Ran {
  body: string;
  status: number;
  version: string;
}

/** Runs curl with `args` (silent, errors shown, `input` on stdin); the body is decoded as UTF-8. */
export async function curl(args: string[], input?: string): Promise<Curled> {
  const marker = '\n--curl--';
  const ran = await run('curl', ['-sS', '--max-time', '10', '-w', `${marker}%{http_code} %{http_version}`, ...args], input === undefined ? {} : { input });
  const at = ran.stdout.lastIndexOf(marker);
  const [status = '0', version = ''] = ran.stdout.slice(at + marker.length).split(' ');
  return { ...ran, body: Buffer.from(ran.stdout.slice(0, Math.max(at, 0)), 'latin1').toString('utf8'), status: Number(status), version };
}
