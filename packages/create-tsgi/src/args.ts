// The command line: create-tsgi [folder] [--template <target>] [--yes] [--tsgi-tarballs <dir>].
import { parseArgs } from 'node:util';
import { ScaffoldError } from './errors.js';
import { MESSAGES } from './messages.js';
import { TARGETS, TARGET_NAMES, isTarget, type Target } from './targets.js';

/** What the command line asked for; anything missing is asked for, or defaulted by --yes. */
export interface CliArgs {
  directory?: string;
  template?: Target;
  yes: boolean;
  tsgiTarballs?: string;
  help: boolean;
  version: boolean;
}

/** The --help text. */
export const USAGE = `Usage: create-tsgi [folder] [options]
       npm create tsgi@latest [folder] -- [options]
       pnpm create tsgi [folder] [options]

Creates a tsgi project in a new or empty folder: a small @tsgi/router app, its entry for the
target, a README and a test. Asks for whatever the options leave out.

Options:
  -t, --template TARGET   where it runs: ${TARGET_NAMES.join(', ')}
  -y, --yes               no questions: the folder defaults to my-tsgi-app, the template to server
      --tsgi-tarballs DIR install @tsgi/* from pnpm pack tarballs in DIR (testing unreleased tsgi)
  -h, --help              show this help
  -V, --version           show the version

Templates:
${TARGET_NAMES.map((name) => `  ${name.padEnd(20)}${TARGETS[name].description}`).join('\n')}

Exit codes: 0 created, 1 the folder is not empty or the questions went unanswered, 2 a bad option or name.
`;

/**
 * Parses the arguments after the command name; a mistake throws ScaffoldError code 'usage' or
 * 'unknown-target' (exit 2).
 *
 * @example
 * parseCliArgs(['my-app', '--template', 'deno']); // { directory: 'my-app', template: 'deno', yes: false, ... }
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        template: { type: 'string', short: 't' },
        yes: { type: 'boolean', short: 'y', default: false },
        'tsgi-tarballs': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'V', default: false },
      },
    });
  } catch (error) {
    throw new ScaffoldError(MESSAGES.badArguments((error as Error).message.replace(/\.$/, '')), { code: 'usage', cause: error });
  }
  const { values, positionals } = parsed;
  const [directory, ...extra] = positionals;
  if (extra.length > 0) throw new ScaffoldError(MESSAGES.tooManyArguments(extra), { code: 'usage' });
  const template = values.template;
  if (template !== undefined && !isTarget(template)) throw new ScaffoldError(MESSAGES.unknownTarget(template), { code: 'unknown-target' });
  return {
    ...(directory !== undefined && { directory }),
    ...(template !== undefined && { template }),
    ...(values['tsgi-tarballs'] !== undefined && { tsgiTarballs: values['tsgi-tarballs'] }),
    yes: values.yes,
    help: values.help,
    version: values.version,
  };
}
