// runCli(): the whole create-tsgi command over injected streams, so tests drive it like a user.
import { readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseCliArgs, USAGE } from './args.js';
import { isScaffoldError, ScaffoldError } from './errors.js';
import { MESSAGES } from './messages.js';
import { commandsFor, detectPackageManager } from './package-manager.js';
import { PACKAGE_ROOT } from './package-root.js';
import { askProjectName, askTarget, createPrompter, type Prompter } from './prompts.js';
import { assertWritable, scaffold } from './scaffold.js';
import { TARGETS, type Target } from './targets.js';
import { validateProjectName } from './validate-name.js';

/** The process as runCli sees it. */
export interface CliIO {
  argv: readonly string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** stdin and stdout are a terminal: line editing on. @default false */
  interactive?: boolean;
}

/** The folder and package name `--yes` uses when no folder is given. */
export const DEFAULT_DIRECTORY = 'my-tsgi-app';

/**
 * Runs create-tsgi and resolves with its exit code: 0 created, 1 something in the way (a non-empty
 * folder, unanswered questions), 2 a bad option or name.
 *
 * @example
 * process.exitCode = await runCli({ argv: process.argv.slice(2), cwd: process.cwd(), env: process.env,
 *   stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, interactive: process.stdin.isTTY });
 */
export async function runCli(io: CliIO): Promise<number> {
  let prompter: Prompter | undefined;
  try {
    const args = parseCliArgs(io.argv);
    if (args.help || args.version) {
      write(io.stdout, args.help ? USAGE : `${version()}\n`);
      return 0;
    }

    const ask = (): Prompter => (prompter ??= createPrompter({ input: io.stdin, output: io.stdout, terminal: io.interactive === true }));
    let directory = args.directory;
    if (directory === undefined) directory = args.yes ? DEFAULT_DIRECTORY : await askProjectName(ask(), DEFAULT_DIRECTORY);
    const absolute = resolve(io.cwd, directory);
    const name = basename(absolute);
    const check = validateProjectName(name);
    if (!check.valid) throw new ScaffoldError(MESSAGES.invalidName(name, check.problems), { code: 'invalid-name' });

    const shown = relative(io.cwd, absolute) || '.';
    assertWritable(shown, absolute); // before asking anything more

    const target: Target = args.template ?? (args.yes ? 'server' : await askTarget(ask()));
    const manager = detectPackageManager(io.env.npm_config_user_agent);
    write(io.stdout, `\nCreating ${name} (${target}) in ${shown}/\n`);
    scaffold({
      directory: absolute,
      target,
      name,
      packageManager: manager,
      ...(args.tsgiTarballs !== undefined && { tsgiTarballs: resolve(io.cwd, args.tsgiTarballs) }),
      onFile: (path) => write(io.stdout, `  + ${path}\n`),
    });
    write(io.stdout, nextSteps(shown, target, commandsFor(manager)));
    return 0;
  } catch (error) {
    if (!isScaffoldError(error)) throw error;
    write(io.stderr, `create-tsgi: ${error.message}\n`);
    return error.exitCode;
  } finally {
    prompter?.close();
  }
}

function nextSteps(shown: string, target: Target, commands: { install: string; run: string }): string {
  const start = TARGETS[target].startScript;
  const steps = [...(shown === '.' ? [] : [`cd ${shown}`]), commands.install, `${commands.run} test`, `${commands.run} ${start}`];
  return `\nDone. Next steps:\n${steps.map((step) => `  ${step}\n`).join('')}`;
}

function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

function write(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text);
}
