import type { HttpResults } from '../http/run.js';
import type { Suite } from '../suite.js';
import { renderFetch } from './render.js';
import { runFetch } from './run.js';

/** @tsgi/fetch against native fetch handlers on Bun and Deno. */
export const fetchSuite: Suite<HttpResults> = {
  id: 'fetch',
  title: 'Fetch adapter on Bun and Deno',
  run: runFetch,
  render: renderFetch,
};
