// A deadline that only runs while a thread has the ball: paused while the event loop waits on the
// client (a slow upload or a slow reader is not a hung thread), reset by every sign of progress.

/** A pausable inactivity timer. */
export interface HangWatch {
  /** The thread made progress: start counting again. */
  progress(): void;
  /** The event loop waits on the client: stop counting. */
  pause(): void;
  resume(): void;
  stop(): void;
}

/**
 * Calls `onHang` once the thread has had the ball for `ms` without progress; 0 never does.
 *
 * @example
 * const watch = createHangWatch(30_000, () => pool.replace(thread));
 * watch.pause(); await send(event); watch.resume();
 */
export function createHangWatch(ms: number, onHang: () => void): HangWatch {
  let timer: NodeJS.Timeout | undefined;
  let paused = 0;
  let stopped = ms <= 0;
  const arm = (): void => {
    clearTimeout(timer);
    if (stopped || paused > 0) return;
    timer = setTimeout(() => {
      stopped = true;
      onHang();
    }, ms);
  };
  arm();
  return {
    progress: arm,
    pause() {
      paused++;
      clearTimeout(timer);
    },
    resume() {
      paused = Math.max(0, paused - 1);
      arm();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
