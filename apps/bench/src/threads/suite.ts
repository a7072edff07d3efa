import type { Suite } from '../suite.js';
import { renderThreads } from './render.js';
import { runThreads, type ThreadsResults } from './run.js';

/** CPU-bound scaling of `tsgi serve --threads`. */
export const threadsSuite: Suite<ThreadsResults> = {
  id: 'threads',
  title: 'Sync threads',
  run: runThreads,
  render: renderThreads,
};
