import { createBenchRouter } from './router-table.js';

/** The router table through the async interface. */
export const app = createBenchRouter().async;
