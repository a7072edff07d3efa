// --pid FILE: the supervisor's pid, for `kill -HUP $(cat FILE)` and service managers.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { ConfigError } from '../errors.js';

/**
 * Writes `pid` to `path`; returns the function that removes it again (only if it still holds our pid).
 *
 * @example
 * const remove = writePidFile('/run/tsgi.pid', process.pid);
 * // ... on exit
 * remove();
 */
export function writePidFile(path: string, pid: number): () => void {
  try {
    writeFileSync(path, `${pid}\n`);
  } catch (error) {
    throw new ConfigError(`--pid cannot write ${JSON.stringify(path)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { option: '--pid', cause: error });
  }
  return () => {
    try {
      // A newer supervisor may have taken the file over; leave its pid alone.
      if (readFileSync(path, 'utf8').trim() === String(pid)) unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
}
