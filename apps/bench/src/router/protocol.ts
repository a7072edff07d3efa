// Messages between run.ts and a router worker.
import type { LookupGroup } from './routes.js';

/** Parent → worker. */
export type ParentMessage =
  | { type: 'warmup'; group: LookupGroup; ms: number; sampleMs: number }
  | { type: 'sample'; group: LookupGroup; ms: number }
  | { type: 'exit' };

/** Worker → parent. */
export type WorkerMessage =
  | { type: 'ready'; problem: string | null }
  | { type: 'warm' }
  | { type: 'sample'; opsPerSecond: number }
  | { type: 'done'; sink: number };
