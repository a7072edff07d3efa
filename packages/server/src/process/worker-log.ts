// A worker's log lines say which worker wrote them.
import type { LogSink } from '../logging/logger.js';

/**
 * Writes to stderr with the worker's pid: text lines get it after the level, JSON lines a `worker` key.
 *
 * @example
 * // tsgi [info] listening on ...   →   tsgi [info] worker 4242: listening on ...
 * // {"time":...}                   →   {"worker":4242,"time":...}
 */
export function workerLogSink(format: 'text' | 'json', pid: number, write: LogSink = (line) => void process.stderr.write(line)): LogSink {
  if (format === 'json') return (line) => write(line.startsWith('{') ? `{"worker":${pid},${line.slice(1)}` : line);
  return (line) => write(line.replace(/^(tsgi \[[a-z]+\] )/, `$1worker ${pid}: `));
}
