// A paced latency probe: one GET every `intervalMs` on a kept-alive connection, the way a load
// balancer or Kubernetes checks health. A flood would measure throughput instead, and steal from the
// threads the CPU whose scaling the suite measures.
import { Agent, request } from 'node:http';

/** One probe run's latencies, in microseconds, in the order they were sent. */
export interface ProbeResult {
  latenciesUs: number[];
  failures: number;
}

/**
 * Sends GET `path` every `intervalMs` for `durationS` seconds (never two at once) and times each.
 *
 * @example
 * const { latenciesUs } = await probe(8000, '/health', { durationS: 4, intervalMs: 20 });
 */
export async function probe(port: number, path: string, options: { durationS: number; intervalMs: number }): Promise<ProbeResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const result: ProbeResult = { latenciesUs: [], failures: 0 };
  const end = performance.now() + options.durationS * 1000;
  try {
    while (performance.now() < end) {
      const began = performance.now();
      try {
        await once(agent, port, path);
        result.latenciesUs.push(Math.round((performance.now() - began) * 1000));
      } catch {
        result.failures++;
      }
      const rest = options.intervalMs - (performance.now() - began);
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    }
  } finally {
    agent.destroy();
  }
  return result;
}

function once(agent: Agent, port: number, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, timeout: 5000 }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

/**
 * The p-th percentile (0–100) by nearest rank.
 *
 * @example
 * percentile([5, 1, 3, 2, 4], 99); // 5
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
