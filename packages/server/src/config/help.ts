// `tsgi --help`, generated from the option table so it can never miss an option.
import { OPTIONS, type OptionSpec } from './options.js';

const USAGE = `Usage: tsgi serve MODULE[:EXPORT] [options]

Serves a tsgi app. MODULE is a .js, .mjs, .cjs or .ts file (TypeScript needs no build step) or a
package name; EXPORT defaults to "default", then "app". Every option can also be set with the
environment variable shown, or in an --env-file; the command line wins.

Exit codes: 0 after a clean shutdown, 2 for a bad option or app module, 3 when lifespan startup fails
(or, under the supervisor, when a worker cannot boot).`;

/** The full help text. */
export function helpText(): string {
  const groups = new Map<string, OptionSpec[]>();
  for (const spec of OPTIONS) groups.set(spec.group, [...(groups.get(spec.group) ?? []), spec]);
  const sections = [...groups].map(([group, specs]) => `${group}:\n${specs.map(describe).join('\n')}`);
  return `${USAGE}\n\n${sections.join('\n\n')}\n\nOther:\n  -h, --help     Show this help.\n  -V, --version  Show the version.\n`;
}

function describe(spec: OptionSpec): string {
  const head = spec.value ? `${spec.flag} ${spec.value}` : `${spec.flag}, --no-${spec.flag.slice(2)}`;
  const meta = `[default: ${spec.shown}; env: ${spec.env.join(', ')}]`;
  return `  ${head}\n      ${spec.help}\n      ${meta}`;
}
