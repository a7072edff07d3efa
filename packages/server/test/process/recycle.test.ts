// --max-requests through the real CLI: a leaking worker is replaced, gracefully, after its quota.
import { describe, expect, it } from 'vitest';
import { eventually, fetchJson, fixture, ready, start } from './support.js';

const faults = fixture('faults.js');

interface Leak {
  pid: number;
  leakedMiB: number;
}

describe('--max-requests', { timeout: 40_000 }, () => {
  it('replaces a worker whose memory grows, after that many requests, without failing one', async () => {
    const tsgi = start([faults, '--workers', '1', '--max-requests', '5']);
    const url = await ready(tsgi);
    const first: Leak[] = [];
    for (let i = 0; i < 5; i++) first.push(await fetchJson<Leak>(`${url}/leak`));
    expect(first.map((reply) => reply.leakedMiB)).toEqual([1, 2, 3, 4, 5]);
    const pid = first[0]?.pid ?? 0;
    await tsgi.waitFor(new RegExp(`worker ${pid} served 5 requests \\(its --max-requests limit\\); replacing it`));
    await tsgi.waitFor(new RegExp(`stopping worker ${pid} \\(replaced\\)`));
    // The replacement starts from nothing; the old worker's memory went with it.
    const fresh = await eventually(async () => {
      const reply = await fetchJson<Leak & { status: number }>(`${url}/leak`);
      expect(reply.status).toBe(200);
      return reply.pid === pid ? undefined : reply;
    });
    expect(fresh.leakedMiB).toBe(1);
    await tsgi.waitFor(new RegExp(`worker ${pid}: stopped`));
    tsgi.signal('SIGTERM');
    expect(await tsgi.exited).toBe(0);
  });

  it('adds up to --max-requests-jitter requests per worker', async () => {
    const tsgi = start([faults, '--workers', '1', '--max-requests', '2', '--max-requests-jitter', '3']);
    const url = await ready(tsgi);
    for (let i = 0; i < 5; i++) await fetchJson(url);
    const [, served] = await tsgi.waitFor(/served (\d+) requests \(its --max-requests limit\)/);
    expect(Number(served)).toBeGreaterThanOrEqual(2);
    expect(Number(served)).toBeLessThanOrEqual(5);
  });
});
