// `tsgi serve` lines from the docs, run with this workspace's server on 127.0.0.1.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv, start, type Started } from './processes.js';

const require = createRequire(import.meta.url);
/** The `tsgi` bin of the workspace's @tsgi/server. */
export const TSGI_BIN = join(dirname(require.resolve('@tsgi/server/package.json')), 'dist', 'cli.js');
/** The app the guides call `src/app.ts:router`. */
export const FIXTURE_APP = `${fileURLToPath(new URL('../fixtures/app.ts', import.meta.url))}:router`;

/** The `tsgi serve ...` lines of a page's sh blocks. */
export const serveLines = (blocks: string[]): string[] =>
  blocks.flatMap((block) => block.split('\n')).filter((line) => line.startsWith('tsgi serve '));

/**
 * The arguments of a documented `tsgi serve` line, made runnable here: the app becomes the
 * fixture (unless `app` says otherwise), the port 0 (a free one), and any other host 127.0.0.1
 * (tests listen there only).
 */
export function localArgs(line: string, app = FIXTURE_APP): string[] {
  const args = line.trim().split(/\s+/).slice(1);
  return args.map((arg, i) => {
    if (arg === 'src/app.ts:router') return app;
    if (args[i - 1] === '--port') return '0';
    if (args[i - 1] === '--host') return '127.0.0.1';
    return arg;
  });
}

/** A running `tsgi serve` and its port. */
export interface Tsgi extends Started {
  port: number;
  pid: number;
}

/** Starts `tsgi <args>` (or `bin <args>`) and resolves once it is listening. */
export async function startTsgi(args: string[], options: { env?: Record<string, string>; cwd?: string; bin?: string } = {}): Promise<Tsgi> {
  const [command, prefix] = options.bin === undefined ? [process.execPath, [TSGI_BIN]] : [options.bin, []];
  const started = await start(command, [...prefix, ...args], { cwd: options.cwd ?? process.cwd(), env: childEnv(options.env), ready: /listening on (http:\/\/\S+)/, timeoutMs: 30_000 });
  return { ...started, port: Number(new URL(started.url).port) };
}
