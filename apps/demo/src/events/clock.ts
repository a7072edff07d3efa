// A ticking clock as server-sent events: the smallest stream that shows events arrive one by one.
import { sse, type RouterRequest, type RouterResponse, type ServerSentEvent } from '@tsgi/router';
import { integerParam } from '../query-params.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function* ticks(limit: number | null, interval: number): AsyncGenerator<ServerSentEvent> {
  for (let n = 1; limit === null || n <= limit; n++) {
    if (n > 1) await sleep(interval);
    yield { event: 'tick', id: String(n), data: { n, time: new Date().toISOString() } };
  }
}

/**
 * GET /api/clock?limit=N&interval=MS: a `tick` event every `interval` ms (1000 by default), ending
 * after `limit` events when given, else running until the client leaves.
 *
 * @example
 * // GET /api/clock?limit=2&interval=10 →
 * // event: tick\nid: 1\ndata: {"n":1,"time":"2026-01-01T00:00:00.000Z"}\n\n  (then n: 2, and the end)
 */
export function clock(req: RouterRequest): RouterResponse {
  const limit = integerParam(req.query, 'limit', { min: 1, max: 1000, fallback: null });
  const interval = integerParam(req.query, 'interval', { min: 10, max: 60_000, fallback: 1000 });
  return sse(ticks(limit, interval));
}
