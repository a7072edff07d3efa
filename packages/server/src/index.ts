// @tsgi/server: the standalone server behind the `tsgi` command.

// Serving
export { serve, start } from './serve.js';
export type { RunningServer, ServeOptions } from './serve.js';
export { detectInterface, NOT_AN_APP } from './detect-interface.js';
export type { DetectedApp } from './detect-interface.js';
export { loadApp, splitAppSpec, DEFAULT_EXPORTS } from './load-app.js';

// Configuration
export { createConfig, resolveCommand } from './config/resolve-config.js';
export type { Command } from './config/resolve-config.js';
export { OPTIONS } from './config/options.js';
export type { OptionSpec } from './config/options.js';
export type { InterfaceChoice, LogLevel, ServerConfig } from './config/server-config.js';
export { helpText } from './config/help.js';

// CLI
export { runCli } from './cli/run.js';
export type { CliIO } from './cli/run.js';

// Errors and messages
export { AppLoadError, ConfigError, isAppLoadError, isConfigError } from './errors.js';
export { CONFIG_MESSAGES } from './config/messages.js';
export { PROTOCOL_MESSAGES } from './protocol/messages.js';
