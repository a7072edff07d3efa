import type { ScenarioId } from './http/scenarios.js';

// How long and how hard each suite measures. `--quick` is for development (≤ 2 minutes, numbers only
// roughly right); the full profile is for the published report (≤ 15 minutes).

/** One measuring profile. `load` lists the scenarios put under load (null: all); every scenario is still checked. */
export interface Profile {
  name: 'quick' | 'full';
  http: { rounds: number; durationS: number; warmupS: number; connections: number; load: readonly ScenarioId[] | null };
  router: { samples: number; sampleMs: number; warmupMs: number };
  ws: { rounds: number; durationS: number; clients: number; idleConnections: number };
  serverless: { samples: number; sampleMs: number; warmupMs: number };
  fetch: { rounds: number; durationS: number; warmupS: number; connections: number; load: readonly ScenarioId[] | null };
  threads: { rounds: number; durationS: number; warmupS: number; connections: number };
  bundle: { importRuns: number };
  mount: { rounds: number; durationS: number; warmupS: number; connections: number; load: readonly ScenarioId[] | null };
  processModel: { inFlight: number; reloadLoadS: number };
  /** The ratio targets' paired bursts (http/paired.ts), for the HTTP and the fetch suite each. */
  paired: { rounds: number; durationS: number; warmupS: number; connections: number };
}

/** The profile for `pnpm bench`. */
export const FULL: Profile = {
  name: 'full',
  http: { rounds: 3, durationS: 2, warmupS: 1, connections: 64, load: null },
  router: { samples: 11, sampleMs: 150, warmupMs: 300 },
  ws: { rounds: 3, durationS: 3, clients: 64, idleConnections: 10_000 },
  serverless: { samples: 11, sampleMs: 200, warmupMs: 500 },
  fetch: { rounds: 2, durationS: 2, warmupS: 1, connections: 64, load: null },
  threads: { rounds: 2, durationS: 4, warmupS: 1, connections: 16 },
  bundle: { importRuns: 5 },
  mount: { rounds: 2, durationS: 2, warmupS: 1, connections: 64, load: null },
  processModel: { inFlight: 200, reloadLoadS: 4 },
  paired: { rounds: 11, durationS: 1, warmupS: 1, connections: 64 },
};

/** The profile for `pnpm bench --quick`. */
export const QUICK: Profile = {
  name: 'quick',
  http: { rounds: 1, durationS: 1, warmupS: 1, connections: 32, load: ['plaintext', 'post-echo', 'stream'] },
  router: { samples: 3, sampleMs: 40, warmupMs: 60 },
  ws: { rounds: 1, durationS: 1, clients: 32, idleConnections: 1000 },
  serverless: { samples: 5, sampleMs: 50, warmupMs: 100 },
  fetch: { rounds: 1, durationS: 1, warmupS: 0, connections: 32, load: ['plaintext'] },
  threads: { rounds: 1, durationS: 1, warmupS: 0, connections: 8 },
  bundle: { importRuns: 1 },
  mount: { rounds: 1, durationS: 1, warmupS: 0, connections: 32, load: ['plaintext'] },
  processModel: { inFlight: 50, reloadLoadS: 2 },
  paired: { rounds: 3, durationS: 1, warmupS: 0, connections: 32 },
};
