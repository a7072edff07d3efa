import { defineConfig } from 'tsup';

export default defineConfig({
  // The suite (needs the vitest runner), the case catalogue and the probe apps
  // (both load anywhere, without vitest), node-only helpers.
  entry: { index: 'src/index.ts', cases: 'src/cases-entry.ts', node: 'src/node-entry.ts', probe: 'src/probe-entry.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
