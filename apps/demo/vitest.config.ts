import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['../../vitest.setup.ts'],
    // Each target's file starts real processes (tsgi serve, workerd, deno, bun, chromium) once.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
