// create-tsgi: scaffold a tsgi project (`npm create tsgi@latest`), from the command line or from code.

// Scaffolding
export { scaffold } from './scaffold.js';
export type { ScaffoldOptions, ScaffoldResult } from './scaffold.js';
export { TARGETS, TARGET_NAMES, isTarget } from './targets.js';
export type { Target, TargetInfo } from './targets.js';
export { validateProjectName } from './validate-name.js';
export type { NameCheck } from './validate-name.js';
export { detectPackageManager } from './package-manager.js';
export type { PackageManager } from './package-manager.js';

// The command
export { runCli, DEFAULT_DIRECTORY } from './run-cli.js';
export type { CliIO } from './run-cli.js';
export { createPrompter, askProjectName, askTarget } from './prompts.js';
export type { PromptStreams, Prompter } from './prompts.js';
export { USAGE } from './args.js';

// Errors and messages
export { ScaffoldError, isScaffoldError } from './errors.js';
export type { ScaffoldErrorCode } from './errors.js';
export { MESSAGES, NAME_RULES } from './messages.js';
