// The `tsgi` command from @tsgi/server, as the harness starts it: `node <server>/dist/cli.js serve APP`.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Command } from './tools.js';
import { dependencyDir } from './workspace.js';

const run = promisify(execFile);

/** The built CLI entry, or null before @tsgi/server is built. */
export function tsgiCliPath(): string | null {
  const cli = join(dependencyDir('@tsgi/server'), 'dist', 'cli.js');
  return existsSync(cli) ? cli : null;
}

/**
 * The command serving `appFile` on 127.0.0.1:`port` with extra CLI flags.
 *
 * @example
 * tsgiServe('/…/raw-async.js', 8080, ['--threads', '2']);
 * // { file: '/usr/bin/node', args: ['/…/server/dist/cli.js', 'serve', '/…/raw-async.js', '--host', '127.0.0.1', '--port', '8080', '--threads', '2'] }
 */
export function tsgiServe(appFile: string, port: number, flags: readonly string[] = []): Command {
  const cli = tsgiCliPath();
  if (cli == null) throw new Error('@tsgi/server is not built');
  return { file: process.execPath, args: [cli, 'serve', appFile, '--host', '127.0.0.1', '--port', String(port), ...flags] };
}

let helpText: Promise<string> | undefined;

/** `tsgi serve --help`, read once; empty when the CLI is missing or fails. */
export function tsgiServeHelp(): Promise<string> {
  helpText ??= (async () => {
    const cli = tsgiCliPath();
    if (cli == null) return '';
    try {
      const { stdout, stderr } = await run(process.execPath, [cli, 'serve', '--help'], { timeout: 20_000 });
      return `${stdout}\n${stderr}`;
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      return `${failed.stdout ?? ''}\n${failed.stderr ?? ''}`;
    }
  })();
  return helpText;
}

/** Null when `tsgi serve` documents `flag` in its help; otherwise the pending reason. */
export async function cliFlagPending(flag: string): Promise<string | null> {
  if (tsgiCliPath() == null) return 'pending: @tsgi/server not built';
  return (await tsgiServeHelp()).includes(flag) ? null : `pending: tsgi serve has no ${flag} yet`;
}
