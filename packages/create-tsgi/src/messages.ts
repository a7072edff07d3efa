// Every message create-tsgi shows for a mistake; tests import these instead of copying the text.
import { TARGET_NAMES } from './targets.js';

const quote = (value: string): string => JSON.stringify(value);

/** The npm package-name rules a project name can break (validate-npm-package-name's list). */
export const NAME_RULES = {
  empty: 'it must not be empty',
  tooLong: 'it must be 214 characters or fewer',
  leadingDot: 'it must not start with "."',
  leadingUnderscore: 'it must not start with "_"',
  spaces: 'it must not start or end with a space',
  uppercase: 'it must be lowercase',
  special: 'it must not contain any of ~\'!()*',
  urlUnsafe: 'it may only contain URL-safe characters: a-z, 0-9, "-", ".", "_" (and "@scope/")',
  reserved: (name: string) => `${quote(name)} is reserved by npm`,
  builtin: (name: string) => `${quote(name)} is a Node.js core module`,
} as const;

/** Messages for what the user asked for and what stands in the way. */
export const MESSAGES = {
  invalidName: (name: string, problems: readonly string[]) =>
    `${quote(name)} is not a valid npm package name: ${problems.join('; ')}`,
  notEmpty: (directory: string, entries: readonly string[]) =>
    `${directory} is not empty (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}): ` +
    'create-tsgi only writes into a new or empty folder, so nothing of yours is overwritten',
  notADirectory: (directory: string) => `${directory} exists and is not a folder`,
  unknownTarget: (name: string) => `unknown template ${quote(name)}: choose one of ${TARGET_NAMES.join(', ')}`,
  badArguments: (detail: string) => `${detail}. Run create-tsgi --help for the options`,
  tooManyArguments: (extra: readonly string[]) => `one project folder at a time (also got ${extra.map(quote).join(', ')})`,
  cancelled: 'cancelled: stdin closed before an answer. Give a folder and --template (or --yes) to run without prompts',
  noTarballs: (directory: string, detail: string) => `--tsgi-tarballs ${directory}: ${detail}`,
  missingTarball: (pkg: string, directory: string) =>
    `--tsgi-tarballs: no tarball for ${pkg} in ${directory} (pnpm pack names it ${pkg.replace('@', '').replace('/', '-')}-VERSION.tgz)`,
  chooseTarget: `type a number from 1 to ${TARGET_NAMES.length} or a template name`,
} as const;
