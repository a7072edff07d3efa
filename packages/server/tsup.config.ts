import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    // The process model finds dist/worker.js and dist/thread.js from import.meta.url, in CJS too.
    shims: true,
  },
  {
    // The `tsgi` bin: ESM only (top-level await); tsup keeps the shebang and marks it executable.
    // worker: each worker process (src/process/); thread: each --threads thread (src/threads/).
    entry: { cli: 'src/cli.ts', worker: 'src/process/worker-main.ts', thread: 'src/threads/thread-main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'es2022',
  },
]);
