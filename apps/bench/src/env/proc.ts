// Memory of a server and every process it started, from /proc (proc(5)). A server with a master and
// workers (gunicorn, a clustered tsgi) is charged for all of them.
import { readFileSync, readdirSync } from 'node:fs';

/** Resident memory now and at its peak, in bytes. */
export interface Memory {
  /** VmRSS: resident set size now. */
  rss: number;
  /** VmHWM: the peak resident set size ("high water mark"). */
  hwm: number;
}

/**
 * Reads VmRSS and VmHWM out of a /proc/PID/status text (values there are in kB = KiB).
 *
 * @example
 * parseProcStatus('VmHWM:\t  2048 kB\nVmRSS:\t  1024 kB\n'); // { rss: 1048576, hwm: 2097152 }
 */
export function parseProcStatus(text: string): Memory {
  const field = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(text);
    return match ? Number(match[1]) * 1024 : 0;
  };
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/**
 * The parent pid out of a /proc/PID/stat line. The command name is in parentheses and may itself hold
 * spaces and parentheses, so fields are counted from the last ')'.
 *
 * @example
 * parseParentPid('1234 (node (worker)) S 99 1234 ...'); // 99
 */
export function parseParentPid(stat: string): number {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(rest[1]);
}

/**
 * The state letter of a /proc/PID/stat line (R running, S sleeping, Z zombie, …).
 *
 * @example
 * parseState('1234 (node) Z 1 1234 ...'); // 'Z'
 */
export function parseState(stat: string): string {
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
}

/** Whether a process exists and has not exited (a zombie has exited, only its entry is left). */
export function isRunning(pid: number): boolean {
  const stat = readOrNull(`/proc/${pid}/stat`);
  return stat != null && parseState(stat) !== 'Z';
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process exited between listing and reading
  }
}

/** The pid and all its descendants that are alive now. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readOrNull(`/proc/${entry}/stat`);
    if (stat == null) continue;
    const parent = parseParentPid(stat);
    const list = children.get(parent) ?? [];
    list.push(Number(entry));
    children.set(parent, list);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Sums VmRSS and VmHWM over a process and its descendants; null once the root has gone. */
export function treeMemory(root: number): Memory | null {
  let rss = 0;
  let hwm = 0;
  let seen = false;
  for (const pid of processTree(root)) {
    const status = readOrNull(`/proc/${pid}/status`);
    if (status == null) continue;
    seen = true;
    const memory = parseProcStatus(status);
    rss += memory.rss;
    hwm += memory.hwm;
  }
  return seen ? { rss, hwm } : null;
}
