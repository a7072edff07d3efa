// Which package manager ran us, so the next steps and the README speak its commands.

/** A package manager a project's commands can be written for. */
export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** The commands a README and the next steps show. */
export interface PackageManagerCommands {
  install: string;
  /** Prefix for a package.json script: `npm run build`, `pnpm build`. */
  run: string;
}

const COMMANDS: Record<PackageManager, PackageManagerCommands> = {
  npm: { install: 'npm install', run: 'npm run' },
  pnpm: { install: 'pnpm install', run: 'pnpm' },
  yarn: { install: 'yarn', run: 'yarn' },
  bun: { install: 'bun install', run: 'bun run' },
};

/**
 * The package manager named by `npm_config_user_agent`, which npm, pnpm, yarn and bun all set for
 * `create` commands; npm when it is missing or unknown.
 *
 * @example
 * detectPackageManager('pnpm/10.18.0 npm/? node/v20.20.2 linux x64'); // 'pnpm'
 */
export function detectPackageManager(userAgent: string | undefined): PackageManager {
  const name = userAgent?.split('/', 1)[0];
  return name === 'pnpm' || name === 'yarn' || name === 'bun' ? name : 'npm';
}

/** The install and run commands of a package manager. */
export function commandsFor(manager: PackageManager): PackageManagerCommands {
  return COMMANDS[manager];
}
