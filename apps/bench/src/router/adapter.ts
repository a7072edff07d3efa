// A router under test. Each adapter registers the shared table with the router's own API and looks up
// with its own native call, so the benchmark times what an app built on that router would run.
import type { BarKind } from '../report/svg-bar-chart.js';
import type { Route } from './routes.js';

/** What a lookup found, normalised for the correctness check (not used while timing). */
export interface Found {
  pattern: string;
  /** Param values in pattern order; the wildcard's remainder last when the router captures it. */
  params: string[];
}

/** A router, built from the table. */
export interface BuiltRouter {
  /** The router's native lookup; what it returns is only fed to the benchmark's sink. */
  lookup: (method: string, path: string) => unknown;
  /** Normalises a native result for the check, or null for "no route". */
  describe: (result: unknown) => Found | null;
  /** False when the router does not hand the wildcard's remainder back as a param (hono). */
  capturesWildcard: boolean;
}

/** One router contender. */
export interface RouterAdapter {
  id: string;
  label: string;
  kind: BarKind;
  /** Null when it can run, else why not. */
  unavailable(): Promise<string | null>;
  build(routes: readonly Route[]): Promise<BuiltRouter>;
}

/** Runs a synchronous build so that a throw becomes a rejection, as for async builds. */
export function built(build: () => BuiltRouter): Promise<BuiltRouter> {
  return new Promise((resolve) => resolve(build()));
}
