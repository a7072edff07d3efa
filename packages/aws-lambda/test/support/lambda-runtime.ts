// Runs a bundled handler under aws-lambda-ric, the runtime interface client AWS ships for Node.js
// container images, against a local Runtime API.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const require = createRequire(import.meta.url);
const RIC_BIN = join(dirname(resolveRic()), 'bin', 'index.mjs');

// aws-lambda-ric compiles native code at install, so it is an optional dependency of the workspace root:
// `pnpm install` still works where its build tools are missing, and this suite says what to install.
function resolveRic(): string {
  try {
    return require.resolve('aws-lambda-ric/package.json');
  } catch (error) {
    throw new Error(
      'aws-lambda-ric is not installed: its native build needs `apt-get install autoconf automake libtool`, then `pnpm install`',
      { cause: error },
    );
  }
}
const HANDLER_SOURCE = fileURLToPath(new URL('../lambda-task/handler.ts', import.meta.url));
const PACKAGE_SOURCE = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

/** Bundles test/lambda-task/handler.ts (with src and the kits) into `<dir>/handler.mjs`, as a deployment would. */
export function bundleTask(): Promise<{ dir: string; remove(): void }> {
  return bundleEntries({ handler: HANDLER_SOURCE });
}

/**
 * Bundles each entry into `<dir>/<name>.mjs` (one file, every dependency inside), as esbuild does
 * for a deployment. `@tsgi/aws-lambda` resolves to this package's source, as it would to the
 * published package.
 */
export async function bundleEntries(entry: Record<string, string>): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'tsgi-lambda-task-'));
  await build({
    entry,
    outDir: dir,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    noExternal: [/.*/],
    splitting: false,
    dts: false,
    sourcemap: false,
    clean: false,
    silent: true,
    config: false,
    outExtension: () => ({ js: '.mjs' }),
    esbuildOptions: (options) => {
      options.alias = { '@tsgi/aws-lambda': PACKAGE_SOURCE };
    },
  });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A running runtime process, with everything it printed. */
export interface RuntimeProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves once the output contains `text`: stdout is a pipe, so it may trail the Runtime API. */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  /** Sends SIGTERM, as Lambda does before shutting an environment down, and waits for the exit. */
  terminate(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `aws-lambda-ric <file>.<name>` in the task directory, pointed at the Runtime API. */
export function startRuntime(taskDir: string, runtimeApi: string, name: string, file = 'handler'): RuntimeProcess {
  const child = spawn(process.execPath, [RIC_BIN, `${file}.${name}`], {
    cwd: taskDir,
    env: {
      PATH: process.env.PATH,
      AWS_LAMBDA_RUNTIME_API: runtimeApi,
      LAMBDA_TASK_ROOT: taskDir,
      _HANDLER: `${file}.${name}`,
      AWS_LAMBDA_FUNCTION_NAME: 'tsgi-test',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_REGION: 'eu-west-1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const watchers = new Set<() => void>();
  const append = (text: string) => {
    output += text;
    for (const watcher of watchers) watcher();
  };
  child.stdout.setEncoding('utf8').on('data', append);
  child.stderr.setEncoding('utf8').on('data', append);
  // 'close' waits for stdio to drain as well, so nothing printed before the exit is missed.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => output,
    waitForOutput(text, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!output.includes(text)) return;
          clearTimeout(timer);
          watchers.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`runtime output never contained ${JSON.stringify(text)}:\n${output}`));
        }, timeoutMs);
        watchers.add(check);
        check();
      });
    },
    async terminate() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
