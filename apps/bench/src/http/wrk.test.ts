import { describe, expect, it } from 'vitest';
import { parseWrkOutput } from './wrk.js';

const line =
  'BENCH_RESULT {"requests":1000,"durationUs":500000,"bytes":1,"p50Us":90,"p99Us":400,"maxUs":900,' +
  '"errors":{"connect":1,"read":0,"write":0,"status":2,"timeout":3}}';

describe('parseWrkOutput', () => {
  it('turns the summary line into req/s, latency and an error total', () => {
    expect(parseWrkOutput(`Running 1s test @ http://127.0.0.1:1/\n  1 threads\n${line}\n`)).toEqual({
      requests: 1000,
      rps: 2000,
      p50Us: 90,
      p99Us: 400,
      maxUs: 900,
      errors: 6,
    });
  });

  it('explains a missing summary line instead of reporting zero', () => {
    expect(() => parseWrkOutput('Running 1s test\nunable to connect')).toThrow(expect.objectContaining({ name: 'WrkOutputError' }));
  });
});
