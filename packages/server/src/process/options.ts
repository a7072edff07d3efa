// The process-model options of `tsgi serve` (docs/production.md): workers, threads, timeouts, recycling,
// reload and the pid file. options.ts appends them to the one option table, so the parser, `tsgi --help`
// and docs/server.md treat them like every other option.
import type { OptionSpec } from '../config/options.js';
import type { ServerConfig } from '../config/server-config.js';
import { boolean, integer, seconds, text, type ValueParser } from '../config/values.js';

/** The resolved process-model part of a ServerConfig. */
export interface ProcessConfig {
  /**
   * Worker processes under a supervising primary. Unset (the default) with none of timeout,
   * maxRequests, reload or pid set, one process serves without a supervisor. @default undefined (1)
   */
  readonly workers: number | undefined;
  /** Worker threads that run a sync app; 0 runs it on the event loop. @default 0 */
  readonly threads: number;
  /** Seconds a worker's event loop, or a thread's request, may hang before it is replaced; 0: never. @default undefined (30) */
  readonly timeout: number | undefined;
  /** Recycle a worker after this many requests; 0: never. @default 0 */
  readonly maxRequests: number;
  /** Up to this many more requests, chosen per worker, so workers do not all recycle at once. @default 0 */
  readonly maxRequestsJitter: number;
  /** Development: restart the worker when the app's files change. @default false */
  readonly reload: boolean;
  /** Write the supervisor's pid here while it runs. */
  readonly pid: string | undefined;
}

/** --timeout when it is not given. */
export const DEFAULT_TIMEOUT = 30;

const optional = <T>(parse: ValueParser<T>): ValueParser<T | undefined> => (raw, flag) =>
  raw === '' ? undefined : parse(raw, flag);

function option<K extends keyof ServerConfig>(spec: Omit<OptionSpec<K>, 'env' | 'group'> & { env?: readonly string[] }): OptionSpec<K> {
  const env = spec.env ?? [`TSGI_${spec.flag.slice(2).toUpperCase().replaceAll('-', '_')}`];
  return Object.freeze({ ...spec, env, group: 'Process model' as const });
}

/** The process-model rows of the option table, in help order. */
export const PROCESS_OPTIONS: readonly OptionSpec[] = Object.freeze([
  option({ key: 'workers', flag: '--workers', env: ['TSGI_WORKERS', 'WEB_CONCURRENCY'], value: 'N', parse: optional(integer(1, 1024)), default: undefined, shown: '1',
    help: 'Worker processes under a supervisor that restarts, recycles and reloads them; WEB_CONCURRENCY is honoured. Without this, --timeout, --max-requests, --reload or --pid, one process serves alone.' }),
  option({ key: 'threads', flag: '--threads', value: 'N', parse: integer(0, 1024), default: 0, shown: '0',
    help: 'Run a sync app on N worker threads per process, so a slow or CPU-bound request never stalls other connections.' }),
  option({ key: 'timeout', flag: '--timeout', value: 'SECONDS', parse: optional(seconds), default: undefined, shown: '30',
    help: 'A worker whose event loop is blocked this long is killed and replaced; a thread stuck this long on a request is replaced (500). 0 turns it off.' }),
  option({ key: 'maxRequests', flag: '--max-requests', value: 'N', parse: integer(0, 1_000_000_000), default: 0, shown: '0 (never)',
    help: 'Replace a worker, gracefully, after it has served this many requests (bounds slow leaks).' }),
  option({ key: 'maxRequestsJitter', flag: '--max-requests-jitter', value: 'N', parse: integer(0, 1_000_000_000), default: 0, shown: '0',
    help: 'Add up to this many requests to --max-requests, per worker, so workers do not all recycle at once.' }),
  option({ key: 'reload', flag: '--reload', parse: boolean, default: false, shown: 'false',
    help: "Development: reload when a source file under the working directory changes. Not with --workers above 1." }),
  option({ key: 'pid', flag: '--pid', value: 'FILE', parse: optional(text), default: undefined, shown: 'none',
    help: "Write the supervisor's process id to FILE (removed on exit), for kill -HUP/-TERM and service managers." }),
]);
