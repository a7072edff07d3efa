// Messages between run-micro.ts and a micro-benchmark worker.

/** Parent → worker. */
export type ParentMessage =
  | { type: 'warmup'; group: string; ms: number; sampleMs: number }
  | { type: 'sample'; group: string; ms: number }
  | { type: 'exit' };

/** Worker → parent. */
export type WorkerMessage =
  | { type: 'ready'; problem: string | null; groups: string[] }
  | { type: 'warm' }
  | { type: 'sample'; opsPerSecond: number }
  | { type: 'done'; sink: number };
