import type { Suite } from '../suite.js';
import { renderProcessModel } from './render.js';
import { runProcessModel, type ProcessModelResults } from './run.js';

/** SIGHUP reload and SIGTERM drain under load. */
export const processModelSuite: Suite<ProcessModelResults> = {
  id: 'process-model',
  title: 'Process model: reload and graceful shutdown',
  run: runProcessModel,
  render: renderProcessModel,
};
