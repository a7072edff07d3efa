import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['../../vitest.setup.ts'],
    // Vitest 3's forks pool can lose a worker's IPC channel under load and abort the run (ERR_IPC_CHANNEL_CLOSED).
    pool: 'threads',
    // test/templates.test.ts installs and runs every template; its own timeouts bound each step.
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
});
