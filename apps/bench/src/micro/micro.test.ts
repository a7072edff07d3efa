import { describe, expect, it } from 'vitest';
import { calibrate, cpuClock, hrClock, opsPerSecond, timeBatch, type Clock } from './micro.js';

/** A clock where each batch iteration costs `nsPerOp`, advanced by the batch itself. */
function fakeMachine(nsPerOp: number) {
  let now = 0n;
  const clock: Clock = () => now;
  const batch = (iterations: number) => {
    now += BigInt(Math.round(iterations * nsPerOp));
    return iterations;
  };
  return { clock, batch };
}

describe('micro-benchmark core', () => {
  it('calibrates a batch to the target duration', async () => {
    const { clock, batch } = fakeMachine(50);
    const iterations = await calibrate(batch, 100, clock);
    expect(iterations * 50).toBeGreaterThan(0.95 * 100e6);
    expect(iterations * 50).toBeLessThan(1.05 * 100e6);
  });

  it('calibrates an operation slower than the target to one iteration', async () => {
    const { clock, batch } = fakeMachine(500e6);
    expect(await calibrate(batch, 100, clock)).toBe(1);
  });

  it('times a batch and keeps its result for the sink', async () => {
    const { clock, batch } = fakeMachine(10);
    expect(await timeBatch(batch, 1000, clock)).toEqual({ iterations: 1000, nanoseconds: 10_000, sink: 1000 });
  });

  it('awaits an async batch before stopping the clock', async () => {
    let now = 0n;
    const clock: Clock = () => now;
    const batch = async (iterations: number) => {
      await Promise.resolve();
      now += BigInt(iterations * 1000);
      return iterations;
    };
    expect((await timeBatch(batch, 5, clock)).nanoseconds).toBe(5000);
  });

  it('turns a timing into operations per second', () => {
    expect(opsPerSecond({ iterations: 1000, nanoseconds: 1_000_000, sink: 0 })).toBe(1_000_000);
  });

  // How many iterations the real clock allows depends on the machine and its load (a preempted first
  // batch shrinks it), so this only checks the real clock plugs in; the fake machines check the numbers.
  it('returns a whole, positive iteration count with the real process clock', async () => {
    const iterations = await calibrate((n) => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += i;
      return sum;
    }, 5);
    expect(Number.isInteger(iterations)).toBe(true);
    expect(iterations).toBeGreaterThanOrEqual(1);
  });

  // Load on the machine can only lengthen the wall-clock wait, never add CPU time to this process.
  it('counts CPU time, not time spent waiting', async () => {
    const cpu = cpuClock();
    const wall = hrClock();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const waited = Number(hrClock() - wall);
    expect(waited).toBeGreaterThanOrEqual(99e6);
    expect(Number(cpuClock() - cpu)).toBeLessThan(waited / 2);
  });
});
