import { describe, expect, it } from 'vitest';
import { WaitQueue } from './wait-queue.js';

describe('WaitQueue', () => {
  it('serves in arrival order while every route costs the same', () => {
    const queue = new WaitQueue<string>();
    queue.push('GET /a', 'first', 0);
    queue.push('GET /b', 'second', 1);
    queue.push('GET /c', 'third', 2);
    expect([queue.take(3), queue.take(3), queue.take(3), queue.take(3)]).toEqual(['first', 'second', 'third', undefined]);
  });

  it('lets a cheap route go before slow ones that have waited longer', () => {
    const queue = new WaitQueue<string>();
    queue.learn('GET /cpu', 5);
    queue.learn('GET /health', 0.05);
    for (let i = 0; i < 14; i++) queue.push('GET /cpu', `cpu ${i}`, i * 2.5);
    queue.push('GET /health', 'health', 35);
    // One thread frees up 1 ms after the health check arrived: it is next, not fifteenth.
    expect(queue.take(36)).toBe('health');
  });

  it('never starves a slow route: its ratio grows until it beats a fresh cheap request', () => {
    const queue = new WaitQueue<string>();
    queue.learn('GET /cpu', 5);
    queue.learn('GET /health', 0.05);
    queue.push('GET /cpu', 'cpu', 0);
    queue.push('GET /health', 'health', 1000);
    expect(queue.take(1000.1)).toBe('cpu');
  });

  it('expects an unknown route to cost the average of the known ones', () => {
    const queue = new WaitQueue<string>();
    queue.learn('GET /a', 2);
    queue.learn('GET /b', 4);
    expect(queue.expected('GET /new')).toBe(3);
  });

  it('follows a route whose cost changes, smoothing single outliers', () => {
    const queue = new WaitQueue<string>();
    queue.learn('GET /a', 10);
    queue.learn('GET /a', 0);
    expect(queue.expected('GET /a')).toBeCloseTo(8, 10);
  });
});
