// Finds the external programs the suites drive. Anything missing is reported as "not installed" by the
// suite that needs it, never worked around.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { cpus } from 'node:os';
import { delimiter, join } from 'node:path';
import { BENCH_DIR, REPO_DIR } from '../paths.js';

/** A program and the arguments that start it, e.g. python3 -m uvicorn. */
export interface Command {
  file: string;
  args: string[];
}

/** The programs found on this machine; null when absent. */
export interface Tools {
  wrk: string | null;
  taskset: string | null;
  gunicorn: string | null;
  uvicorn: Command | null;
  bun: string | null;
  deno: string | null;
  cores: number;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `command -v NAME`, without a shell. */
export function which(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return null;
}

function pythonWith(module: string): string | null {
  // Debian's python3-uvicorn installs the module but no `uvicorn` script; its python is /usr/bin/python3.
  for (const python of ['/usr/bin/python3', which('python3')]) {
    if (python == null || !executable(python)) continue;
    try {
      execFileSync(python, ['-c', `import ${module}`], { stdio: 'ignore', timeout: 10_000 });
      return python;
    } catch {
      // not importable from this interpreter
    }
  }
  return null;
}

function firstExisting(paths: string[]): string | null {
  return paths.find(executable) ?? null;
}

function npmBinary(name: string, file: string): string[] {
  return [join(BENCH_DIR, 'node_modules', name, file), join(REPO_DIR, 'packages/fetch/node_modules', name, file)];
}

/** Looks every tool up once. */
export function findTools(): Tools {
  const uvicornScript = which('uvicorn');
  const uvicornPython = uvicornScript ? null : pythonWith('uvicorn');
  return {
    wrk: which('wrk'),
    taskset: which('taskset'),
    gunicorn: which('gunicorn'),
    uvicorn: uvicornScript
      ? { file: uvicornScript, args: [] }
      : uvicornPython
        ? { file: uvicornPython, args: ['-m', 'uvicorn'] }
        : null,
    // npm's bun and deno packages ship the real binaries (@tsgi/fetch depends on both). Use the
    // binaries, not node_modules/.bin shims: a shim that does not exec leaves the server orphaned
    // when the harness stops it.
    bun: firstExisting(npmBinary('bun', 'bin/bun.exe')) ?? which('bun'),
    deno: firstExisting(npmBinary('deno', 'deno')) ?? which('deno'),
    cores: cpus().length,
  };
}

/** The two sides of a measurement: the server under test and the load generator. */
export type Role = 'server' | 'load';

/**
 * Wraps a command so it runs pinned to its role's core (server on core 1, load on core 0) when there
 * are two or more cores and taskset exists; unchanged otherwise.
 *
 * @example
 * pinned(tools, 'server', { file: 'node', args: ['s.js'] }); // { file: '/usr/bin/taskset', args: ['-c', '1', 'node', 's.js'] }
 */
export function pinned(tools: Pick<Tools, 'taskset' | 'cores'>, role: Role, command: Command): Command {
  if (tools.taskset == null || tools.cores < 2) return command;
  return { file: tools.taskset, args: ['-c', role === 'server' ? '1' : '0', command.file, ...command.args] };
}
