// Pool threads run below the event loop's priority. A sync app's CPU-bound handler can keep every core
// busy; the event loop must still get a core at once to accept, read and answer (a health check, the
// next request), or the kernel makes it wait its turn behind the app's threads. Linux can renice one
// thread: setpriority() with a thread id, found through /proc/thread-self.
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

/**
 * Lowers the calling thread's scheduling priority (nice 10) where the OS allows one thread to be
 * reniced (Linux); elsewhere does nothing. Returns whether it did.
 *
 * @example
 * // first thing in a pool thread
 * lowerThreadPriority(); // true on Linux
 */
export function lowerThreadPriority(): boolean {
  let tid: number;
  try {
    // '/proc/thread-self' → '<pid>/task/<tid>'
    tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return false;
  }
  if (!Number.isInteger(tid) || tid <= 0) return false;
  try {
    setPriority(tid, constants.priority.PRIORITY_BELOW_NORMAL);
    return true;
  } catch {
    return false;
  }
}
