import { defineConfig } from 'tsup';

// Not bundled: every contender's server is its own file, spawned as its own process, and loads the
// contender's packages exactly as a user's app would.
export default defineConfig({
  entry: ['src/**/*.ts', '!src/**/*.test.ts'],
  format: ['esm'],
  bundle: false,
  clean: true,
  sourcemap: false,
  target: 'node20',
  platform: 'node',
});
