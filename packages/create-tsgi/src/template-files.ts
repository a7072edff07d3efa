// Reads a target's files: templates/base with templates/<target> laid over it, package.json merged.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { mergeJson } from './package-json.js';
import type { Target } from './targets.js';

/** One file of a new project: its path inside the project and its text. */
export interface TemplateFile {
  path: string;
  text: string;
}

// npm drops .gitignore from published packages, so templates ship it as _gitignore.
const RENAMES: Record<string, string> = { _gitignore: '.gitignore' };

function walk(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(root, join(dir, entry.name)) : [relative(root, join(dir, entry.name)).split(sep).join('/')],
  );
}

const projectPath = (path: string): string =>
  path
    .split('/')
    .map((part) => RENAMES[part] ?? part)
    .join('/');

/**
 * The files of a target, in path order: the target's version of a file replaces the base's, except
 * package.json, whose objects (scripts, dependencies) merge.
 *
 * @example
 * readTemplate('/…/templates', 'deno').map((file) => file.path);
 * // ['.gitignore', 'README.md', 'package.json', 'src/app.ts', 'src/server.ts', 'test/app.test.ts', 'tsconfig.json']
 */
export function readTemplate(templatesRoot: string, target: Target): TemplateFile[] {
  const files = new Map<string, string>();
  for (const layer of ['base', target]) {
    const dir = join(templatesRoot, layer);
    for (const path of walk(dir)) {
      const text = readFileSync(join(dir, path), 'utf8');
      const existing = files.get(path);
      files.set(
        path,
        path === 'package.json' && existing !== undefined
          ? JSON.stringify(mergeJson(JSON.parse(existing) as Record<string, unknown>, JSON.parse(text) as Record<string, unknown>))
          : text,
      );
    }
  }
  return [...files]
    .map(([path, text]) => ({ path: projectPath(path), text }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Fills `{{name}}`-style placeholders; unknown ones stay as they are. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}
