// argv + environment (+ env file) → one frozen ServerConfig. Precedence: command line, then TSGI_*
// variables (the process environment, then the env file), then the defaults in options.ts.
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { ConfigError } from '../errors.js';
import { CONFIG_MESSAGES } from './messages.js';
import { OPTIONS, type OptionSpec } from './options.js';
import type { ServerConfig } from './server-config.js';
import { boolean } from './values.js';

/** What the command line asks for. */
export type Command =
  | { command: 'serve'; config: ServerConfig; envFileVars: Readonly<Record<string, string>> }
  | { command: 'help' }
  | { command: 'version' };

const BY_FLAG = new Map(
  OPTIONS.flatMap((spec) => [spec.flag, ...(spec.aliases ?? [])].map((flag) => [flag, spec] as const)),
);
const isSwitch = (spec: OptionSpec): boolean => spec.parse === boolean;

/**
 * Parses `tsgi` arguments (without `node` and the script) and the environment into a frozen config.
 * Throws a ConfigError, naming the option, for anything it cannot use.
 *
 * @example
 * resolveCommand(['serve', 'app.ts:api', '--port', '9000'], { TSGI_LOG_LEVEL: 'debug' });
 * // { command: 'serve', config: { app: 'app.ts:api', port: 9000, logLevel: 'debug', ... }, envFileVars: {} }
 */
export function resolveCommand(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') return { command: 'help' };
  if (first === '--version' || first === '-V' || first === 'version') return { command: 'version' };
  if (first !== 'serve') throw new ConfigError(CONFIG_MESSAGES.unknownCommand(first));
  const { app, values, help } = parseArgs(rest);
  if (help) return { command: 'help' };
  if (app === undefined) throw new ConfigError(CONFIG_MESSAGES.missingApp);

  const envFile = values.get('--env-file') ?? env.TSGI_ENV_FILE;
  const envFileVars = envFile ? readEnvFile(envFile) : {};
  const merged = { ...envFileVars, ...env };
  const config = buildConfig(values, merged, app);
  return { command: 'serve', config, envFileVars: Object.freeze(envFileVars) };
}

/**
 * Completes a partial config with the defaults from options.ts and freezes it; used by `serve()`.
 *
 * @example
 * createConfig({ port: 0 }).host; // '127.0.0.1'
 */
export function createConfig(partial: Partial<ServerConfig> = {}): ServerConfig {
  const config: Record<string, unknown> = { app: undefined };
  for (const spec of OPTIONS) config[spec.key] = spec.default;
  for (const [key, value] of Object.entries(partial)) if (value !== undefined) config[key] = value;
  return check(Object.freeze(config) as unknown as ServerConfig);
}

function parseArgs(args: readonly string[]): { app: string | undefined; values: Map<string, string>; help: boolean } {
  const values = new Map<string, string>();
  let app: string | undefined;
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--') {
      for (const positional of args.slice(i + 1)) app = takeApp(app, positional);
      break;
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg : arg.slice(0, eq);
      const negated = !BY_FLAG.has(name as `--${string}`) && name.startsWith('--no-') ? BY_FLAG.get(`--${name.slice(5)}`) : undefined;
      const spec = BY_FLAG.get(name as `--${string}`) ?? negated;
      if (spec === undefined) throw new ConfigError(CONFIG_MESSAGES.unknownOption(name, suggest(name)), { option: name });
      if (negated) {
        if (!isSwitch(negated) || eq !== -1) throw new ConfigError(CONFIG_MESSAGES.unknownOption(name, suggest(name)), { option: name });
        values.set(spec.flag, 'false');
      } else if (eq !== -1) values.set(spec.flag, arg.slice(eq + 1));
      else if (isSwitch(spec)) values.set(spec.flag, 'true');
      else {
        const next = args[++i];
        if (next === undefined) throw new ConfigError(CONFIG_MESSAGES.missingValue(name), { option: name });
        values.set(spec.flag, next);
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new ConfigError(CONFIG_MESSAGES.unknownOption(arg, suggest(arg)), { option: arg });
    } else app = takeApp(app, arg);
  }
  return { app, values, help };
}

function takeApp(current: string | undefined, arg: string): string {
  if (current !== undefined) throw new ConfigError(CONFIG_MESSAGES.extraArgument(arg));
  return arg;
}

function buildConfig(values: Map<string, string>, env: Record<string, string | undefined>, app: string): ServerConfig {
  const config: Record<string, unknown> = { app };
  for (const spec of OPTIONS) {
    const fromArgv = values.get(spec.flag);
    if (fromArgv !== undefined) {
      config[spec.key] = spec.parse(fromArgv, spec.flag);
      continue;
    }
    const name = spec.env.find((candidate) => env[candidate] !== undefined && env[candidate] !== '');
    if (name === undefined) config[spec.key] = spec.default;
    else {
      try {
        config[spec.key] = spec.parse(env[name] ?? '', spec.flag);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new ConfigError(CONFIG_MESSAGES.fromEnv(name, message), { option: spec.flag, cause: error });
      }
    }
  }
  return check(Object.freeze(config) as unknown as ServerConfig);
}

function check(config: ServerConfig): ServerConfig {
  if ((config.sslKeyfile === undefined) !== (config.sslCertfile === undefined)) {
    throw new ConfigError(CONFIG_MESSAGES.sslPair, { option: '--ssl-keyfile' });
  }
  return config;
}

function readEnvFile(path: string): Record<string, string> {
  try {
    return parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new ConfigError(CONFIG_MESSAGES.envFile(path, reason), { option: '--env-file', cause: error });
  }
}

function suggest(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const flag of BY_FLAG.keys()) {
    const distance = editDistance(name, flag);
    if (distance < bestDistance) [best, bestDistance] = [flag, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
