import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The docs example imports '@tsgi/express' as users do; tests run it against the source.
  resolve: { alias: { '@tsgi/express': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['../../vitest.setup.ts'],
    // Vitest 3's forks pool can lose a worker's IPC channel under load and abort the run (ERR_IPC_CHANNEL_CLOSED).
    pool: 'threads',
  },
});
