import { createBenchRouter } from './router-table.js';

/** The router table through the sync interface. */
export const app = createBenchRouter().sync;
