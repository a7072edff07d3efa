// The five HTTP scenarios, and the check each response must pass before a contender is measured: a
// server that answers faster by answering wrong is not a result.
import type { HttpResult } from '../env/http-request.js';
import { ECHO_BYTES, JSON_TEXT, PLAINTEXT, STREAM_CHUNKS, STREAM_CHUNK_BYTES } from './payloads.js';

/** Scenario ids, in report order. */
export type ScenarioId = 'plaintext' | 'json' | 'param' | 'post-echo' | 'stream';

/** One kind of request under load. */
export interface Scenario {
  id: ScenarioId;
  title: string;
  method: 'GET' | 'POST';
  path: string;
  bodyBytes: number;
  /** Null when the response is right, else what is wrong with it. */
  check(response: HttpResult): string | null;
}

function expectBody(response: HttpResult, expected: string): string | null {
  if (response.status !== 200) return `status ${response.status}, expected 200`;
  const text = response.body.toString('latin1');
  return text === expected ? null : `body ${JSON.stringify(text.slice(0, 60))}, expected ${JSON.stringify(expected.slice(0, 60))}`;
}

/** Every scenario, in report order. */
export const SCENARIOS: readonly Scenario[] = [
  { id: 'plaintext', title: 'Plaintext', method: 'GET', path: '/plaintext', bodyBytes: 0, check: (r) => expectBody(r, PLAINTEXT) },
  { id: 'json', title: 'JSON', method: 'GET', path: '/json', bodyBytes: 0, check: (r) => expectBody(r, JSON_TEXT) },
  { id: 'param', title: 'Route with a param', method: 'GET', path: '/users/12345', bodyBytes: 0, check: (r) => expectBody(r, 'user 12345') },
  {
    id: 'post-echo',
    title: '1 KiB POST echo',
    method: 'POST',
    path: '/echo',
    bodyBytes: ECHO_BYTES,
    check: (r) => expectBody(r, 'x'.repeat(ECHO_BYTES)),
  },
  {
    id: 'stream',
    title: '64 KiB streamed response',
    method: 'GET',
    path: '/stream',
    bodyBytes: 0,
    check: (r) => expectBody(r, 'x'.repeat(STREAM_CHUNKS * STREAM_CHUNK_BYTES)),
  },
];
