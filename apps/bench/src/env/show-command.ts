// Commands as the report prints them: runnable by a reader from the repository root.
import { REPO_DIR } from '../paths.js';
import type { Command } from './tools.js';

/** The port number a command is built with before it is printed with $PORT instead. */
export const SHOWN_PORT = 65432;

/**
 * A command as one shell line: Node as `node`, repository paths relative, the placeholder port as
 * $PORT, and arguments with spaces or quotes single-quoted.
 *
 * @example
 * showCommand({ file: process.execPath, args: [`${REPO_DIR}/apps/bench/dist/x.js`, '--port', '65432'] });
 * // 'node apps/bench/dist/x.js --port $PORT'
 */
export function showCommand(command: Command): string {
  return [command.file, ...command.args]
    .map((part) => (part === process.execPath ? 'node' : part))
    .map((part) => part.split(`${REPO_DIR}/`).join('').split(String(SHOWN_PORT)).join('$PORT'))
    .map((part) => (/^[\w./:=@$,+-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}
