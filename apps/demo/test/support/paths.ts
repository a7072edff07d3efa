// Where the demo and its tools are, for the runners.
import { fileURLToPath } from 'node:url';

/** apps/demo/, the working directory of every demo process. */
export const DEMO_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** A binary from apps/demo/node_modules/.bin (tsgi, deno, bun). */
export const bin = (name: string): string => fileURLToPath(new URL(`../../node_modules/.bin/${name}`, import.meta.url));
