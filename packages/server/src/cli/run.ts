// The `tsgi` command: parse, load, serve, stop on a signal. Exit codes: 0 clean, 2 bad usage or app
// module, 3 lifespan startup failure (docs/server.md: Exit codes).
import { isLifespanError } from '@tsgi/async';
import { readFileSync } from 'node:fs';
import { helpText } from '../config/help.js';
import { resolveCommand } from '../config/resolve-config.js';
import { isAppLoadError, isConfigError } from '../errors.js';
import { loadApp } from '../load-app.js';
import { start } from '../serve.js';
import { PROCESS_MESSAGES } from '../process/messages.js';
import { runSupervisor, usesSupervisor } from '../process/run-supervisor.js';
import { prepareApp } from '../threads/prepare-app.js';

/** What the CLI touches of its process, so tests can run it in-process too. */
export interface CliIO {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Resolves on the first SIGINT or SIGTERM. */
  signal: Promise<string>;
}

/** Runs the CLI to completion and returns the exit code. */
export async function runCli(io: CliIO): Promise<number> {
  try {
    const command = resolveCommand(io.argv, io.env);
    if (command.command === 'help') {
      io.stdout(helpText());
      return 0;
    }
    if (command.command === 'version') {
      io.stdout(`tsgi ${version()}\n`);
      return 0;
    }
    // Variables from --env-file reach the app too; the real environment wins (as node --env-file).
    for (const [name, value] of Object.entries(command.envFileVars)) if (io.env[name] === undefined) io.env[name] = value;
    // The process model (workers, timeouts, reload): src/process/, docs/production.md.
    if (usesSupervisor(command.config)) return await runSupervisor(command.config, io);
    const prepared = await prepareApp(await loadApp(command.config.app ?? '', io.cwd), command.config, { cwd: io.cwd, logSink: io.stderr });
    const server = await start(prepared.detected.app, prepared.config, io.stderr, io.stdout);
    const signal = await io.signal;
    io.stderr(`tsgi [info] received ${signal}\n`);
    await server.close();
    await prepared.close();
    return 0;
  } catch (error) {
    if (isConfigError(error) || isAppLoadError(error)) {
      io.stderr(`tsgi: ${error.message}\n`);
      return 2;
    }
    if (isLifespanError(error)) {
      io.stderr(`tsgi: ${error.message}\n`);
      return 3;
    }
    const listen = listenFailure(error);
    if (listen) {
      // The same one line the supervisor prints (process/listen-address.ts), not a stack trace.
      io.stderr(`tsgi: ${PROCESS_MESSAGES.cannotListen(listen.where, listen.code)}\n`);
      return 1;
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`tsgi: ${stack}\n`);
    return 1;
  }
}

/** A port in use, a socket path not allowed, a host that does not resolve: where, and node's code. */
function listenFailure(error: unknown): { where: string; code: string } | null {
  const failure = error as Partial<NodeJS.ErrnoException & { address: string; port: number; hostname: string }> | null;
  const code = failure?.code ?? 'unknown';
  if (failure?.syscall === 'listen' || failure?.syscall === 'bind') {
    const port = failure.port !== undefined && failure.port > 0 ? `:${failure.port}` : '';
    return { where: `${failure.address ?? 'the address'}${port}`, code };
  }
  if (failure?.syscall === 'getaddrinfo') return { where: failure.hostname ?? 'the host', code };
  return null;
}

function version(): string {
  try {
    const url = new URL('../package.json', import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
