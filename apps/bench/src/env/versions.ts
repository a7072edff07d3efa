// Versions of every contender, read from what is installed rather than written down.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tools } from './tools.js';
import { dependencyDir } from './workspace.js';

/** The version in an installed dependency's package.json, or 'not installed'. */
export function packageVersion(name: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(dependencyDir(name), 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'not installed';
  }
}

/**
 * The first version-looking token a command prints, e.g. '1.3.0' from 'bun 1.3.0'.
 *
 * @example
 * firstVersion('gunicorn (version 20.1.0)'); // '20.1.0'
 * firstVersion('wrk debian/4.1.0-3+b2 [epoll]'); // '4.1.0-3+b2'
 */
export function firstVersion(text: string): string | null {
  return /(\d+\.\d+(?:\.\d+)?(?:[-+][\w.+-]*)?)/.exec(text)?.[1] ?? null;
}

function commandVersion(file: string | null, args: string[]): string {
  if (file == null) return 'not installed';
  try {
    const out = execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
    return firstVersion(out) ?? out.trim().split('\n')[0] ?? 'unknown';
  } catch (error) {
    // wrk -v prints its version and exits 1.
    const failed = error as { stdout?: string; stderr?: string };
    return firstVersion(`${failed.stdout ?? ''}${failed.stderr ?? ''}`) ?? 'unknown';
  }
}

// uvicorn picks httptools and uvloop up when they are importable; their presence changes its numbers.
function pythonModules(uvicorn: Tools['uvicorn'], modules: string[]): Array<[string, string]> {
  const python = uvicorn?.args[0] === '-m' ? uvicorn.file : null;
  return modules.map((name): [string, string] => [
    `${name} (for uvicorn)`,
    python ? commandVersion(python, ['-c', `import ${name}; print(${name}.__version__)`]) : 'not checked',
  ]);
}

/** Every contender's version, in report order. */
export function collectVersions(tools: Tools): Array<[name: string, version: string]> {
  const npm = ['fastify', 'express', 'hono', '@hono/node-server', 'h3', 'find-my-way', 'ws', '@codegenie/serverless-express', 'serverless-http', 'esbuild'];
  const tsgi = ['@tsgi/sync', '@tsgi/async', '@tsgi/router', '@tsgi/node', '@tsgi/server', '@tsgi/express', '@tsgi/aws-lambda', '@tsgi/fetch'];
  const uvicorn = tools.uvicorn;
  return [
    ['node', process.version.slice(1)],
    ...tsgi.map((name): [string, string] => [`${name} (workspace)`, packageVersion(name)]),
    ...npm.map((name): [string, string] => [name, packageVersion(name)]),
    ['gunicorn', commandVersion(tools.gunicorn, ['--version'])],
    ['uvicorn', uvicorn ? commandVersion(uvicorn.file, [...uvicorn.args, '--version']) : 'not installed'],
    ...pythonModules(uvicorn, ['httptools', 'uvloop']),
    ['bun', commandVersion(tools.bun, ['--version'])],
    ['deno', commandVersion(tools.deno, ['--version'])],
    ['wrk', commandVersion(tools.wrk, ['-v'])],
  ];
}
