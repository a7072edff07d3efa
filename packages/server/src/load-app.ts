// MODULE[:EXPORT] → the app. TypeScript loads through tsx with no build step; a package name
// resolves from the working directory, as if the user's own code imported it.
import { existsSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppLoadError } from './errors.js';

/** Which export names are tried, in order, when MODULE has no `:EXPORT`. */
export const DEFAULT_EXPORTS = ['default', 'app'] as const;

const TYPESCRIPT = new Set(['.ts', '.mts', '.cts', '.tsx']);
const JAVASCRIPT = new Set(['.js', '.mjs', '.cjs']);

/**
 * Splits 'app.ts:api' into module and export; a ':' inside a Windows drive ('C:\\x.ts') is not a
 * separator.
 *
 * @example
 * splitAppSpec('src/app.ts:api'); // { module: 'src/app.ts', exportName: 'api' }
 * splitAppSpec('my-package');     // { module: 'my-package', exportName: undefined }
 */
export function splitAppSpec(spec: string): { module: string; exportName: string | undefined } {
  const colon = spec.lastIndexOf(':');
  const candidate = colon === -1 ? '' : spec.slice(colon + 1);
  if (colon <= 1 || !/^[A-Za-z_$][\w$]*$/.test(candidate)) return { module: spec, exportName: undefined };
  return { module: spec.slice(0, colon), exportName: candidate };
}

/**
 * Imports MODULE and returns the export named EXPORT (or `default`, then `app`).
 *
 * @example
 * const app = await loadApp('examples/hello.ts:app', process.cwd());
 */
export async function loadApp(spec: string, cwd: string): Promise<unknown> {
  const { module, exportName } = splitAppSpec(spec);
  const namespace = await importModule(module, cwd);
  const names = exportName === undefined ? DEFAULT_EXPORTS : [exportName];
  for (const name of names) {
    const value = pick(namespace, name, exportName === undefined);
    if (value !== undefined && value !== null) return value;
  }
  const found = Object.keys(namespace).join(', ') || 'nothing';
  const wanted = names.map((name) => `'${name}'`).join(' or ');
  throw new AppLoadError(`${module} exports no ${wanted} (found: ${found})`, { module });
}

async function importModule(module: string, cwd: string): Promise<Record<string, unknown>> {
  const looksLikePath = module.startsWith('.') || isAbsolute(module) || JAVASCRIPT.has(extname(module)) || TYPESCRIPT.has(extname(module));
  const path = resolve(cwd, module);
  if (looksLikePath && !existsSync(path)) throw new AppLoadError(`${module} not found (looked for ${path})`, { module });
  try {
    if (looksLikePath && JAVASCRIPT.has(extname(path))) return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    // tsx resolves relative to the parent URL, handles .ts and packages that ship TypeScript.
    const { tsImport } = await import('tsx/esm/api');
    const specifier = looksLikePath ? pathToFileURL(path).href : module;
    return (await tsImport(specifier, pathToFileURL(`${cwd}/`).href)) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppLoadError(`${module} could not be loaded: ${reason}`, { module, cause: error });
  }
}

/**
 * A CommonJS module's `module.exports` arrives as `default`: when guessing, a `default` that is a
 * plain exports object (neither callable nor a dual app) does not count, and its properties do.
 */
function pick(namespace: Record<string, unknown>, name: string, guessing: boolean): unknown {
  const commonjs = namespace.default;
  const exportsObject = typeof commonjs === 'object' && commonjs !== null ? (commonjs as Record<string, unknown>) : undefined;
  if (name === 'default') {
    if (!guessing || !exportsObject || isDual(exportsObject)) return commonjs;
    return exportsObject.default;
  }
  return name in namespace ? namespace[name] : exportsObject?.[name];
}

function isDual(value: Record<string, unknown>): boolean {
  return typeof value.sync === 'function' && typeof value.async === 'function';
}
