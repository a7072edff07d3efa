// What a case is: an id, a sentence, where it applies, and a body that asserts exact results.
import type { ExpectStatic } from 'vitest';
import type { CaseId } from '../case-id.js';
import type { ConformanceInterface, Served } from '../driver.js';
import type { Journal } from '../probe/journal.js';
import type { ProbeOptions } from '../probe/options.js';

/** What a case exercises; hosts and docs group cases by it. */
export type Feature =
  | 'http'
  | 'body'
  | 'streaming'
  | 'errors'
  | 'disconnect'
  | 'trailers'
  | 'websocket'
  | 'lifespan';

/** What a case's body gets: the shared probe, served, and a way to serve a dedicated one. */
export interface CaseContext {
  /** vitest's expect, handed in so the cases load without the vitest runner (docs, READMEs). */
  expect: ExpectStatic;
  interface: ConformanceInterface;
  /** The probe app served once for every case of this interface. */
  served: Served;
  /** What the shared probe observed (disconnects, close() calls, lifespan events). */
  journal: Journal;
  /**
   * Serves a fresh probe with these options; it is stopped after the case unless `stop()` was
   * already called. Rejects as `Driver.start` does.
   */
  serve: (options: ProbeOptions) => Promise<{ served: Served; journal: Journal }>;
}

/** One conformance case. */
export interface ConformanceCase {
  id: CaseId;
  /** One sentence, present tense, saying what a conforming host does. */
  description: string;
  interfaces: readonly ConformanceInterface[];
  features: readonly Feature[];
  /** The host may log an error here (the app raised, the client left); console.error is silenced. @default false */
  mayLogErrors?: boolean;
  run: (ctx: CaseContext) => Promise<void>;
}
