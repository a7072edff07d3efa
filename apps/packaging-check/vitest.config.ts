import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['../../vitest.setup.ts'],
    testTimeout: 60_000,
    // Packing and installing every public package happens once, in beforeAll.
    hookTimeout: 300_000,
  },
});
