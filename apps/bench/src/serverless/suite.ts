import type { Suite } from '../suite.js';
import { renderServerless } from './render.js';
import { runServerless, type ServerlessResults } from './run.js';

/** Per-event overhead of the Lambda adapters. */
export const serverlessSuite: Suite<ServerlessResults> = {
  id: 'serverless',
  title: 'Serverless: AWS Lambda adapters',
  run: runServerless,
  render: renderServerless,
};
