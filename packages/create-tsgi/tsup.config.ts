import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    // The CJS build finds templates/ through import.meta.url too.
    shims: true,
  },
  {
    // The `create-tsgi` bin: ESM only; tsup keeps the shebang and marks it executable.
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'es2022',
  },
]);
