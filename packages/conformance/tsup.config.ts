import { defineConfig } from 'tsup';

export default defineConfig({
  // The suite (needs the vitest runner), the case catalogue (loads anywhere), node-only helpers.
  entry: { index: 'src/index.ts', cases: 'src/cases-entry.ts', node: 'src/node-entry.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
