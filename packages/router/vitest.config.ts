import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The guide's examples import the package by name, as users do; point those names at the sources.
const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@tsgi\/router$/, replacement: src('index.ts') },
      { find: /^@tsgi\/router\/files$/, replacement: src('files/index.ts') },
      { find: /^@tsgi\/router\/testing$/, replacement: src('testing/index.ts') },
      { find: /^@tsgi\/router\/websocket$/, replacement: src('websocket/index.ts') },
      { find: /^@tsgi\/router\/forms$/, replacement: src('forms/index.ts') },
      { find: /^@tsgi\/router\/cookies$/, replacement: src('cookies/index.ts') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['../../vitest.setup.ts'],
    // Vitest 3's forks pool can lose a worker's IPC channel under load and abort the run (ERR_IPC_CHANNEL_CLOSED).
    pool: 'threads',
  },
});
