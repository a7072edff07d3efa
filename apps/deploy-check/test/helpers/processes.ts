// Child processes for the integration tests: run a command to its end, or start a server and wait
// for the line that says where it listens. Every wait has a deadline; nothing sleeps.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** What a finished command printed. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A clean environment for npm and the tools it runs: nothing of pnpm's or vitest's leaks in. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_|VITEST|TEST$|NODE_ENV$|NODE_OPTIONS$|INIT_CWD$)/i.test(key)) env[key] = value;
  }
  return { ...env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0', npm_config_update_notifier: 'false', ...extra };
}

/** Runs a command to its end (or kills it at the deadline) and collects its output. */
export async function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<RunResult> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? childEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), options.timeoutMs);
  try {
    const [code] = (await once(child, 'close')) as [number | null];
    return { code, stdout, stderr };
  } finally {
    clearTimeout(timer);
  }
}

/** Throws with the command's output unless it exited 0. */
export function expectSuccess(what: string, result: RunResult): RunResult {
  if (result.code !== 0) throw new Error(`${what} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  return result;
}

/** A started server and how to stop it. */
export interface Started {
  url: string;
  /** The process group's leader. */
  pid: number;
  output: () => string;
  stop(): Promise<void>;
  /** Sends `signal` to the process group and resolves with how the leader exited. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts a long-running command in its own process group and resolves once a line of its output
 * matches `ready` (whose first group is the base URL), or rejects with the output at the deadline.
 */
export async function start(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs: number },
): Promise<Started> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? childEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(`no ${String(options.ready)} within ${options.timeoutMs} ms`), options.timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${command} ${args.join(' ')}: ${why}\n--- output\n${output}`)));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = options.ready.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => fail(`exited (${code ?? signal}) before it was ready`));
  });
  const kill = async (signal: NodeJS.Signals) => {
    const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit');
    killGroup(child, signal);
    await exited;
    return { code: child.exitCode, signal: child.signalCode };
  };
  return { url, pid: child.pid ?? 0, output: () => output, stop, kill };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
