import { describe, expect, it } from 'vitest';
import { calibrate, opsPerSecond, timeBatch, type Clock } from './micro.js';

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
  it('calibrates a batch to the target duration', () => {
    const { clock, batch } = fakeMachine(50);
    const iterations = calibrate(batch, 100, clock);
    expect(iterations * 50).toBeGreaterThan(0.95 * 100e6);
    expect(iterations * 50).toBeLessThan(1.05 * 100e6);
  });

  it('times a batch and keeps its result for the sink', () => {
    const { clock, batch } = fakeMachine(10);
    expect(timeBatch(batch, 1000, clock)).toEqual({ iterations: 1000, nanoseconds: 10_000, sink: 1000 });
  });

  it('turns a timing into operations per second', () => {
    expect(opsPerSecond({ iterations: 1000, nanoseconds: 1_000_000, sink: 0 })).toBe(1_000_000);
  });

  it('measures a real loop with the process clock', () => {
    const iterations = calibrate((n) => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += i;
      return sum;
    }, 5);
    expect(iterations).toBeGreaterThan(1000);
  });
});
