import { describe, expect, it } from 'vitest';
import { OVERDUE_MS, WaitQueue } from './wait-queue.js';

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

  it('puts a cheap request first even when slow ones have waited seven times their own cost', () => {
    // Two saturated threads: 16 clients on 4 ms requests keep each waiting ~30 ms. By response ratio
    // alone, (waited + cost) ÷ cost, the health check would wait until it was slowed down as much.
    const queue = new WaitQueue<string>();
    queue.learn('GET /cpu', 4);
    queue.learn('GET /health', 0.7);
    for (let i = 0; i < 15; i++) queue.push('GET /cpu', `cpu ${i}`, i * 2);
    queue.push('GET /health', 'health', 29);
    expect(queue.take(30)).toBe('health');
  });

  it('takes a request that has waited past the overdue limit before any cheaper one', () => {
    const queue = new WaitQueue<string>();
    queue.learn('GET /report', 50);
    queue.learn('GET /health', 0.05);
    queue.push('GET /report', 'report', 0);
    queue.push('GET /health', 'health', OVERDUE_MS - 10);
    expect(queue.take(OVERDUE_MS - 1)).toBe('health');
    queue.push('GET /health', 'health again', OVERDUE_MS);
    expect(queue.take(OVERDUE_MS + 1)).toBe('report');
  });

  it('lets a slow request overtake fresh cheap ones once its own claim has grown', () => {
    const queue = new WaitQueue<string>();
    queue.learn('GET /cpu', 5);
    queue.learn('GET /health', 0.5);
    queue.push('GET /cpu', 'cpu', 0);
    // Its claim (waited + 5) ÷ 25 passes a fresh health check's 1 ÷ 0.5 = 2 after 45 ms of waiting.
    queue.push('GET /health', 'health', 44);
    expect(queue.take(44)).toBe('health');
    queue.push('GET /health', 'health again', 46);
    expect(queue.take(46)).toBe('cpu');
  });

  it('expects an unknown route to cost the geometric mean of the known ones', () => {
    const queue = new WaitQueue<string>();
    queue.learn('GET /a', 2);
    queue.learn('GET /b', 8);
    expect(queue.expected('GET /new')).toBeCloseTo(4, 10);
  });

  it('expects a route to cost 1 ms before any route is known', () => {
    expect(new WaitQueue<string>().expected('GET /')).toBe(1);
  });

  it('follows a route whose cost changes, with one outlier moving it a fifth of the way in log terms', () => {
    const queue = new WaitQueue<string>();
    queue.learn('GET /a', 1);
    queue.learn('GET /a', 100);
    // A thread the OS preempted for 100 ms says little about the route: 100^0.2 ≈ 2.5 ms, not 20.8.
    expect(queue.expected('GET /a')).toBeCloseTo(100 ** 0.2, 10);
    for (let i = 0; i < 30; i++) queue.learn('GET /a', 100);
    expect(queue.expected('GET /a')).toBeCloseTo(100, 0);
  });

  it('takes only routes known to be cheap when asked for a cost limit', () => {
    const queue = new WaitQueue<string>();
    queue.learn('GET /cpu', 5);
    queue.learn('GET /health', 0.5);
    queue.push('GET /cpu', 'cpu', 0);
    queue.push('GET /new', 'unknown', 1);
    queue.push('GET /health', 'health', 2);
    expect(queue.take(3, 2)).toBe('health');
    // An unknown route is expected to cost the average (1.58 ms here), but it is not known to be cheap.
    expect(queue.take(3, 2)).toBeUndefined();
    expect([queue.take(3), queue.take(3)]).toEqual(['unknown', 'cpu']);
  });

  it('reports the cost of a route only once it has been seen', () => {
    const queue = new WaitQueue<string>();
    expect(queue.known('GET /a')).toBeUndefined();
    queue.learn('GET /a', 3);
    expect(queue.known('GET /a')).toBeCloseTo(3, 10);
  });
});
