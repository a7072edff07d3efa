import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { percentile, probe } from './health-probe.js';

describe('percentile', () => {
  it('takes the nearest rank, so p99 of a hundred values is the 99th smallest', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 50)).toBe(7);
  });
});

describe('probe', () => {
  it('paces its requests one at a time on one kept-alive connection', async () => {
    const sockets = new Set<unknown>();
    let inFlight = 0;
    let mostInFlight = 0;
    const server = createServer((req, res) => {
      sockets.add(req.socket);
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        res.end('ok');
      }, 2);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await probe(port, '/health', { durationS: 0.3, intervalMs: 50 });
      // 300 ms at one probe per 50 ms: about six, never a flood.
      expect(result.latenciesUs.length).toBeGreaterThanOrEqual(3);
      expect(result.latenciesUs.length).toBeLessThanOrEqual(7);
      expect(result.failures).toBe(0);
      expect(mostInFlight).toBe(1);
      expect(sockets.size).toBe(1);
      expect(Math.min(...result.latenciesUs)).toBeGreaterThanOrEqual(2000);
    } finally {
      server.close();
    }
  });
});
