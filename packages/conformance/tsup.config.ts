import { defineConfig } from 'tsup';

export default defineConfig({
  // Two entries: the suite (needs the vitest runner) and the case catalogue (loads anywhere).
  entry: { index: 'src/index.ts', cases: 'src/cases-entry.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
