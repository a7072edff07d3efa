// scaffold(): writes a new project for a target into a new or empty folder.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ScaffoldError } from './errors.js';
import { MESSAGES } from './messages.js';
import { pinTsgiVersions, useTarballs, type PackageJson } from './package-json.js';
import { commandsFor, type PackageManager } from './package-manager.js';
import { TEMPLATES_ROOT } from './package-root.js';
import { isTarget, type Target } from './targets.js';
import { fillPlaceholders, readTemplate, type TemplateFile } from './template-files.js';
import { tsgiVersions } from './tsgi-versions.js';
import { validateProjectName } from './validate-name.js';

/** What to create, and where. */
export interface ScaffoldOptions {
  /** The project folder (absolute, or relative to the current directory); created when missing. */
  directory: string;
  target: Target;
  /** The package name. @default the folder's name */
  name?: string;
  /** Whose commands the README shows. @default 'npm' */
  packageManager?: PackageManager;
  /**
   * A folder of `pnpm pack` tarballs (`tsgi-router-0.3.0.tgz`, ...): every `@tsgi/*` dependency
   * points at them instead of the registry. For testing unreleased tsgi packages.
   * @default undefined (install from the registry)
   */
  tsgiTarballs?: string;
  /** Called after each file is written, with its path inside the project. */
  onFile?: (path: string) => void;
}

/** The project that was written. */
export interface ScaffoldResult {
  /** The absolute project folder. */
  directory: string;
  name: string;
  target: Target;
  /** The files written, relative to `directory`, in the order written. */
  files: string[];
}

/**
 * Writes a project for `target`: a small @tsgi/router app, its entry for the target, a README and a
 * test. Checks everything first (name, folder, tarballs) and throws a ScaffoldError having written nothing.
 *
 * @example
 * const { files } = scaffold({ directory: 'my-app', target: 'server' });
 */
export function scaffold(options: ScaffoldOptions): ScaffoldResult {
  const { target } = options;
  if (!isTarget(target)) throw new ScaffoldError(MESSAGES.unknownTarget(String(target)), { code: 'unknown-target' });
  const directory = resolve(options.directory);
  const name = options.name ?? basename(directory);
  const check = validateProjectName(name);
  if (!check.valid) throw new ScaffoldError(MESSAGES.invalidName(name, check.problems), { code: 'invalid-name' });
  assertWritable(options.directory, directory);

  const commands = commandsFor(options.packageManager ?? 'npm');
  const values = { name, install: commands.install, run: commands.run };
  const files = readTemplate(TEMPLATES_ROOT, target).map((file): TemplateFile =>
    file.path === 'package.json'
      ? { path: file.path, text: projectManifest(JSON.parse(file.text) as PackageJson, name, options.tsgiTarballs) }
      : { path: file.path, text: fillPlaceholders(file.text, values) },
  );

  mkdirSync(directory, { recursive: true });
  for (const file of files) {
    const path = join(directory, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
    options.onFile?.(file.path);
  }
  return { directory, name, target, files: files.map((file) => file.path) };
}

function projectManifest(partial: PackageJson, name: string, tarballs: string | undefined): string {
  let manifest = pinTsgiVersions({ name, ...partial }, tsgiVersions());
  if (tarballs !== undefined) manifest = useTarballs(manifest, tarballs);
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Throws ScaffoldError code 'not-empty' unless `directory` is missing or empty. A folder holding
 * only `.git` (after `git init`) counts as empty; anything else could be overwritten.
 */
export function assertWritable(shown: string, directory: string): void {
  let entries: string[];
  try {
    if (!statSync(directory).isDirectory()) throw new ScaffoldError(MESSAGES.notADirectory(shown), { code: 'not-empty' });
    entries = readdirSync(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const blocking = entries.filter((entry) => entry !== '.git').sort();
  if (blocking.length > 0) throw new ScaffoldError(MESSAGES.notEmpty(shown, blocking), { code: 'not-empty' });
}
