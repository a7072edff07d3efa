import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['../../vitest.setup.ts'],
    // Vitest 3's forks pool can lose a worker's IPC channel under load and abort the run (ERR_IPC_CHANNEL_CLOSED).
    pool: 'threads',
    globalSetup: ['test/global-setup.ts'],
  },
});
