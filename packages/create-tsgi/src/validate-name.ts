// npm's package-name rules for new packages (validate-npm-package-name, which `npm init` applies).
import { builtinModules } from 'node:module';
import { NAME_RULES } from './messages.js';

const RESERVED = new Set(['node_modules', 'favicon.ico']);
const SCOPED = /^@([^/]+)\/([^/]+)$/;
const URL_SAFE = (part: string): boolean => part !== '' && encodeURIComponent(part) === part;

/** The outcome of {@link validateProjectName}: the rules broken, empty when the name is fine. */
export interface NameCheck {
  valid: boolean;
  problems: string[];
}

/**
 * Checks a project name against npm's rules for a new package name.
 *
 * @example
 * validateProjectName('my-app');  // { valid: true, problems: [] }
 * validateProjectName('My App');  // { valid: false, problems: ['it must be lowercase', 'it may only contain URL-safe characters: ...'] }
 */
export function validateProjectName(name: string): NameCheck {
  const problems: string[] = [];
  if (name.length === 0) problems.push(NAME_RULES.empty);
  if (name.length > 214) problems.push(NAME_RULES.tooLong);
  if (name.startsWith('.')) problems.push(NAME_RULES.leadingDot);
  if (name.startsWith('_')) problems.push(NAME_RULES.leadingUnderscore);
  if (name.trim() !== name) problems.push(NAME_RULES.spaces);
  if (name.toLowerCase() !== name) problems.push(NAME_RULES.uppercase);
  const scoped = SCOPED.exec(name);
  const bare = scoped ? (scoped[2] ?? '') : name;
  if (/[~'!()*]/.test(bare)) problems.push(NAME_RULES.special);
  const parts = scoped ? [scoped[1] ?? '', bare] : [name];
  if (name.length > 0 && !parts.every(URL_SAFE)) problems.push(NAME_RULES.urlUnsafe);
  if (RESERVED.has(name.toLowerCase())) problems.push(NAME_RULES.reserved(name));
  if (builtinModules.includes(name)) problems.push(NAME_RULES.builtin(name));
  return { valid: problems.length === 0, problems };
}
