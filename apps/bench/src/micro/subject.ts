// What a micro-benchmark worker runs: a contender prepared in the worker's own process, with one batch
// per group, checked for correctness before anything is timed.
import type { Batch } from './micro.js';

/** A prepared contender: its batches by group, or why it cannot be timed. */
export type Prepared =
  | { problem: string }
  | {
      problem: null;
      batches: Record<string, Batch>;
      /**
       * Operations each group runs before its timed warm-up: the JIT tiers code up by how often it
       * ran, not for how long, so a slow contender needs as many calls as a fast one. @default 0
       */
      warmupOperations?: number;
    };

/** Prepares contender `id` of a suite (called inside the worker). */
export type Prepare = (id: string) => Promise<Prepared>;
