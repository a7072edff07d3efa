import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'websocket/index': 'src/websocket/index.ts',
    'forms/index': 'src/forms/index.ts',
    'cookies/index': 'src/cookies/index.ts',
    'files/index': 'src/files/index.ts',
    'testing/index': 'src/testing/index.ts',
  },
  format: ['esm', 'cjs'],
  // Shared chunks for CJS too (ESM has them by default): without them each CJS entry would carry its
  // own copy of RouterResponse, and a response from '@tsgi/router/files' would fail the core's
  // `instanceof RouterResponse` check.
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
