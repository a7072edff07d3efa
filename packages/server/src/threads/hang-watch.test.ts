import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHangWatch } from './hang-watch.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createHangWatch', () => {
  it('fires once the thread has had the ball for the whole timeout', () => {
    const onHang = vi.fn();
    createHangWatch(1000, onHang);
    vi.advanceTimersByTime(999);
    expect(onHang).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onHang).toHaveBeenCalledOnce();
  });

  it('starts counting again on progress, and not at all while waiting on the client', () => {
    const onHang = vi.fn();
    const watch = createHangWatch(1000, onHang);
    vi.advanceTimersByTime(800);
    watch.progress();
    vi.advanceTimersByTime(800);
    watch.pause();
    vi.advanceTimersByTime(60_000);
    expect(onHang).not.toHaveBeenCalled();
    watch.resume();
    vi.advanceTimersByTime(1000);
    expect(onHang).toHaveBeenCalledOnce();
  });

  it('never fires when the timeout is 0 or after stop()', () => {
    const onHang = vi.fn();
    createHangWatch(0, onHang);
    const watch = createHangWatch(1000, onHang);
    watch.stop();
    vi.advanceTimersByTime(10_000);
    expect(onHang).not.toHaveBeenCalled();
  });
});
