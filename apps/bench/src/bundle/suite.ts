import type { Suite } from '../suite.js';
import { renderBundle } from './render.js';
import { runBundle, type BundleResults } from './run.js';

/** Bundle size and cold import time of every runtime package. */
export const bundleSuite: Suite<BundleResults> = {
  id: 'bundle',
  title: 'Bundle size and cold import time',
  run: runBundle,
  render: renderBundle,
};
