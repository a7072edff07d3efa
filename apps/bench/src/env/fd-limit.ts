// Raises the open-file limit for one command (10,000 WebSocket connections need more than the common
// default of 1,024 descriptors): runs it through `sh -c 'ulimit -n N; exec "$@"'`, falling back to the
// hard limit when N is above it. exec keeps the pid, so memory readings still find the process.
import type { Command } from './tools.js';

/**
 * The command, run with at least `limit` open files allowed (or the hard limit, if lower).
 *
 * @example
 * withFdLimit({ file: 'node', args: ['s.js'] }, 30000);
 * // { file: '/bin/sh', args: ['-c', 'ulimit -n "$0" 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"', '30000', 'node', 's.js'] }
 */
export function withFdLimit(command: Command, limit: number): Command {
  return {
    file: '/bin/sh',
    args: ['-c', 'ulimit -n "$0" 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"', String(limit), command.file, ...command.args],
  };
}
