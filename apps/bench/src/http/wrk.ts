// Drives wrk (pinned to the load core) and reads the one-line JSON summary lua/wrk.lua prints.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WrkOutputError } from '../errors.js';
import { LUA_DIR } from '../paths.js';
import { pinned, type Tools } from '../env/tools.js';

const run = promisify(execFile);

/** One wrk run's outcome. */
export interface WrkResult {
  requests: number;
  /** Requests per second over the run. */
  rps: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
  /** Socket errors, timeouts and responses with status ≥ 400, added up. */
  errors: number;
}

interface RawResult {
  requests: number;
  durationUs: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
  errors: Record<string, number>;
}

/**
 * Parses the BENCH_RESULT line of wrk's output.
 *
 * @example
 * parseWrkOutput('Running 1s test\nBENCH_RESULT {"requests":1000,"durationUs":500000,"bytes":1,"p50Us":90,' +
 *   '"p99Us":400,"maxUs":900,"errors":{"connect":0,"read":0,"write":0,"status":2,"timeout":0}}');
 * // { requests: 1000, rps: 2000, p50Us: 90, p99Us: 400, maxUs: 900, errors: 2 }
 */
export function parseWrkOutput(output: string): WrkResult {
  const line = output.split('\n').find((text) => text.startsWith('BENCH_RESULT '));
  if (line == null) throw new WrkOutputError(output);
  const raw = JSON.parse(line.slice('BENCH_RESULT '.length)) as RawResult;
  return {
    requests: raw.requests,
    rps: raw.durationUs > 0 ? raw.requests / (raw.durationUs / 1e6) : 0,
    p50Us: raw.p50Us,
    p99Us: raw.p99Us,
    maxUs: raw.maxUs,
    errors: Object.values(raw.errors).reduce((sum, count) => sum + count, 0),
  };
}

/** What to load and how hard. */
export interface WrkLoad {
  port: number;
  path: string;
  durationS: number;
  connections: number;
  /** @default 'GET' */
  method?: string;
  /** A request body of this many bytes. @default 0 */
  bodyBytes?: number;
  /** wrk threads. @default 1 */
  threads?: number;
  /** Pin wrk to the load core. @default true */
  pin?: boolean;
}

/** Runs wrk once against 127.0.0.1. */
export async function runWrk(tools: Tools, load: WrkLoad): Promise<WrkResult> {
  if (tools.wrk == null) throw new Error('wrk is not installed (apt-get install -y wrk)');
  const command = {
    file: tools.wrk,
    args: [
      `-t${load.threads ?? 1}`,
      `-c${load.connections}`,
      `-d${load.durationS}s`,
      '--timeout',
      '5s',
      '-s',
      join(LUA_DIR, 'wrk.lua'),
      `http://127.0.0.1:${load.port}${load.path}`,
    ],
  };
  const { file, args } = load.pin === false ? command : pinned(tools, 'load', command);
  const { stdout } = await run(file, args, {
    env: { ...process.env, BENCH_METHOD: load.method ?? 'GET', BENCH_BODY_BYTES: String(load.bodyBytes ?? 0) },
    timeout: (load.durationS + 30) * 1000,
    maxBuffer: 1 << 20,
  });
  return parseWrkOutput(stdout);
}
