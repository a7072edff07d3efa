// Every configuration message, in one place: code throws them, tests import them (STYLE.md: Errors).

const show = (raw: string): string => JSON.stringify(raw);

/** What the CLI says about a bad command line, environment variable or env file. */
export const CONFIG_MESSAGES = {
  unknownOption: (flag: string, suggestion?: string) =>
    `${flag} is not a tsgi option${suggestion ? ` (did you mean ${suggestion}?)` : ''}; see tsgi --help`,
  missingValue: (flag: string) => `${flag} needs a value; see tsgi --help`,
  unexpectedValue: (flag: string) => `${flag} is a switch and takes no value; use ${flag}=true or ${flag}=false`,
  notInteger: (flag: string, raw: string, min: number, max: number) =>
    `${flag} must be a whole number from ${min} to ${max}, got ${show(raw)}`,
  notSeconds: (flag: string, raw: string) => `${flag} must be a number of seconds, 0 or more, got ${show(raw)}`,
  notBytes: (flag: string, raw: string) =>
    `${flag} must be a size in bytes, optionally with k, m or g (1024-based), got ${show(raw)}`,
  notBoolean: (flag: string, raw: string) => `${flag} must be true or false (or 1/0, yes/no), got ${show(raw)}`,
  notChoice: (flag: string, raw: string, choices: readonly string[]) =>
    `${flag} must be one of ${choices.join(', ')}, got ${show(raw)}`,
  notAddress: (flag: string, raw: string) =>
    `${flag} must list IP addresses or CIDR ranges (or *), separated by commas, got ${show(raw)}`,
  badRootPath: (raw: string) => `--root-path must start with '/' (or be empty), got ${show(raw)}`,
  fromEnv: (name: string, message: string) => `${message} (from ${name})`,
  sslPair: '--ssl-keyfile and --ssl-certfile must be given together',
  unreadableFile: (flag: string, path: string, reason: string) => `${flag} cannot read ${show(path)}: ${reason}`,
  envFile: (path: string, reason: string) => `--env-file cannot read ${show(path)}: ${reason}`,
  missingApp: 'tsgi serve needs an app: tsgi serve MODULE[:EXPORT]; see tsgi --help',
  extraArgument: (raw: string) => `unexpected argument ${show(raw)}; tsgi serve takes one MODULE[:EXPORT]`,
  unknownCommand: (raw: string) => `unknown command ${show(raw)}; the command is tsgi serve MODULE[:EXPORT]`,
} as const;
